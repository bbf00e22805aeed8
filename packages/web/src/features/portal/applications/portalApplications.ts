import { useQuery } from '@tanstack/react-query';
import { portalApi } from '../portalApi';

/** The citizens' door's application routes (modules/portal/applications on the server). */
export interface PortalApplicationSummary {
  id: string;
  receiptNumber: string;
  matterName: string;
  state: string;
  stateLabel: string;
  receivedAt: string;
  dueDate: string | null;
}

export interface PortalApplicationDetail extends PortalApplicationSummary {
  timeline: { at: string; title: string; text: string | null }[];
  countdown: string | null;
  centre: { name: string; phone: string | null; address: string | null };
  materials: { code: string; name: string; status: string; files: number }[];
  supplement: { items: string[]; dueDate: string | null } | null;
  documents: { id: string; kind: string; title: string; number: string; issuedAt: string }[];
  objection: { open: boolean; until: string | null; filed: boolean };
  closed: boolean;
}

export interface AccessLogEntry {
  at: string;
  organisation: string;
  role: string;
  purpose: string;
}

export interface OnlineApplication {
  organisationCode: string;
  matter: string;
  description: string;
  applicant: { name: string; idNumber: string; categories?: string[] };
  household?: { members: number; monthlyIncomeFen: number };
  pledge: boolean;
}

export const applicationKey = (id: string) => ['portal', 'applications', id] as const;

export function useOwnApplications() {
  return useQuery({
    queryKey: ['portal', 'applications'],
    queryFn: () => portalApi.get<{ items: PortalApplicationSummary[] }>('/applications'),
  });
}

export function useOwnApplication(id: string) {
  return useQuery({
    queryKey: applicationKey(id),
    queryFn: () => portalApi.get<PortalApplicationDetail>(`/applications/${id}`),
  });
}

export function useAccessLog(id: string) {
  return useQuery({
    queryKey: ['portal', 'applications', id, 'access-log'],
    queryFn: () => portalApi.get<{ items: AccessLogEntry[] }>(`/applications/${id}/access-log`),
  });
}

export function usePledge() {
  return useQuery({
    queryKey: ['portal', 'pledge'],
    queryFn: () => portalApi.get<{ version: string; text: string; citation: string }>('/applications/pledge'),
    staleTime: 3_600_000,
  });
}
