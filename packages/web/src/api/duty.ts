import { api, newIdempotencyKey } from './client';
import type { ApiRequestBody, ApiResponse } from './openapi';

// Duty lawyers (值班律师): stations, rosters, the station's day, requests and KPIs
// (packages/server/src/modules/duty).

export type DutyStation = ApiResponse<'getDutyStations'>[number];
export type DutyHours = DutyStation['hours'][number];
export type RosterPreview = ApiResponse<'postDutyRostersPreview'>;
export type PreviewSlot = RosterPreview['slots'][number];
export type DutyReason = PreviewSlot['reasons'][number];
export type Roster = ApiResponse<'getDutyRosters'>;
export type DutySlot = Roster['slots'][number];
export type MyDuty = ApiResponse<'getDutyMy'>;
export type DutyService = MyDuty['services'][number];
export type DutyRequest = MyDuty['requests'][number];
export type DutyServiceType = ApiResponse<'getDutyServiceTypes'>[number];
export type ServiceInput = ApiRequestBody<'postDutyServices'>;
export type ForwardInput = ApiRequestBody<'postDutyServicesByIdApplication'>;
export type SwapRequest = ApiResponse<'getDutySwapRequests'>[number];
export type DutyKpi = ApiResponse<'getDutyKpis'>[number];

const enc = encodeURIComponent;

export const dutyApi = {
  stations: (signal?: AbortSignal) => api.get<DutyStation[]>('/duty/stations', undefined, signal),
  setStation: (id: string, input: { hours: DutyHours[]; hostInstitution?: string | null }) =>
    api.put<{ ok: true }>(`/duty/stations/${enc(id)}`, input),
  setSettings: (id: string, input: DutyStation['settings']) =>
    api.put<{ ok: true }>(`/duty/stations/${enc(id)}/settings`, input),
  preview: (stationId: string, weekStart: string) =>
    api.post<RosterPreview>('/duty/rosters/preview', { stationId, weekStart }),
  confirm: (stationId: string, weekStart: string) =>
    api.post<Roster>('/duty/rosters', { stationId, weekStart }, newIdempotencyKey()),
  roster: (stationId: string, weekStart: string, signal?: AbortSignal) =>
    api.get<Roster>('/duty/rosters', { stationId, weekStart }, signal),
  swap: (slotId: string, handlerId: string, note: string) =>
    api.post<{ ok: true }>(`/duty/slots/${enc(slotId)}/swap`, { handlerId, note }),
  swapRequests: (signal?: AbortSignal) => api.get<SwapRequest[]>('/duty/swap-requests', undefined, signal),
  answerSwap: (id: string, input: { approve: boolean; handlerId?: string; note: string }) =>
    api.post<{ ok: true }>(`/duty/swap-requests/${enc(id)}/answer`, input),
  my: (signal?: AbortSignal) => api.get<MyDuty>('/duty/my', undefined, signal),
  check: (slotId: string, move: 'in' | 'out') =>
    api.post<{ ok: true }>(`/duty/slots/${enc(slotId)}/check-${move}`),
  askSwap: (slotId: string, reason: string) =>
    api.post<{ id: string }>(`/duty/slots/${enc(slotId)}/swap-request`, { reason }, newIdempotencyKey()),
  serviceTypes: (signal?: AbortSignal) =>
    api.get<DutyServiceType[]>('/duty/service-types', undefined, signal),
  recordService: (input: ServiceInput) => api.post<DutyService>('/duty/services', input, newIdempotencyKey()),
  forward: (serviceId: string, input: ForwardInput) =>
    api.post<{ applicationId: string; number: string; forwardedLate: boolean | null }>(
      `/duty/services/${enc(serviceId)}/application`,
      input,
      newIdempotencyKey(),
    ),
  requests: (signal?: AbortSignal) => api.get<DutyRequest[]>('/duty/requests', undefined, signal),
  accept: (id: string) => api.post<{ ok: true }>(`/duty/requests/${enc(id)}/accept`),
  kpis: (month: string, signal?: AbortSignal) => api.get<DutyKpi[]>('/duty/kpis', { month }, signal),
};
