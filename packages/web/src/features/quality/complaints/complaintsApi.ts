import { api, type ApplicationClock } from '../../../api';
import type { ApiRequestBody, ApiResponse } from '../../../api/openapi';

export type ComplaintList = ApiResponse<'getComplaints'>;
export type ComplaintListItem = ComplaintList['items'][number];
export type ComplaintDetail = ApiResponse<'getComplaintsById'>;
export type ComplaintClock = ComplaintDetail['clocks'][number];
export type ComplaintReference = ApiResponse<'getComplaintsReference'>;
export type ComplaintAction = ComplaintDetail['actions'][number];
export type RecordComplaintBody = ApiRequestBody<'postComplaints'>;

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (open: boolean) => ['complaints', 'list', open] as const,
  detail: (id: string) => ['complaints', 'detail', id] as const,
  reference: ['complaints', 'reference'] as const,
};

export const complaintsApi = {
  list: (open: boolean) => api.get<ComplaintList>('/complaints', open ? { open: 'true' } : {}),
  detail: (id: string) => api.get<ComplaintDetail>(`/complaints/${id}`),
  reference: () => api.get<ComplaintReference>('/complaints/reference'),
  record: (body: RecordComplaintBody, idempotencyKey: string) =>
    api.post<{ id: string; number: string }>('/complaints', body, idempotencyKey),
  step: (id: string, step: ComplaintAction, body: Record<string, unknown>) =>
    api.post<ComplaintDetail>(`/complaints/${id}/${step}`, body),
  extend: (id: string, body: { to: string; reason: string }) =>
    api.post<ComplaintDetail>(`/complaints/${id}/extension`, body),
};

/** A complaint's period as the shared countdown reads it (an application clock's shape). */
export function asCountdownClock(clock: ComplaintClock): ApplicationClock {
  return {
    id: clock.id,
    period: clock.period,
    status: clock.status,
    startedAt: clock.startedAt,
    dueAt: clock.dueAt,
    citation: clock.citation,
    stoppedAt: clock.stoppedAt,
    onTime: clock.onTime,
    provisional: clock.provisionalYears.length > 0,
    provisionalYears: clock.provisionalYears,
    dueHistory: [],
  };
}
