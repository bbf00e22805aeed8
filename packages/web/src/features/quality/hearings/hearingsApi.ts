import { api } from '../../../api';
import type { ApiRequestBody, ApiResponse } from '../../../api/openapi';

export type UpcomingHearing = ApiResponse<'getQualityHearingObservationsUpcomingHearings'>['items'][number];
export type Observer = ApiResponse<'getQualityHearingObservationsObservers'>['items'][number];
export type ObservationItem = ApiResponse<'getQualityHearingObservations'>['items'][number];
export type ObservationDetail = ApiResponse<'getQualityHearingObservationsById'>;
export type MyObservations = ApiResponse<'getMyHearingObservations'>;
export type RecordBody = ApiRequestBody<'postQualityHearingObservationsByIdRecord'>;

export const hearingKeys = {
  all: ['quality', 'hearing-observations'] as const,
  upcoming: ['quality', 'hearing-observations', 'upcoming'] as const,
  observers: ['quality', 'hearing-observations', 'observers'] as const,
  list: ['quality', 'hearing-observations', 'list'] as const,
  detail: (id: string) => ['quality', 'hearing-observations', 'detail', id] as const,
  mine: ['quality', 'my-hearing-observations'] as const,
};

const base = '/quality/hearing-observations';
export const hearingsApi = {
  upcoming: () => api.get<{ items: UpcomingHearing[] }>(`${base}/upcoming-hearings`),
  observers: () => api.get<{ items: Observer[] }>(`${base}/observers`),
  list: () => api.get<{ items: ObservationItem[] }>(base),
  detail: (id: string) => api.get<ObservationDetail>(`${base}/${id}`),
  schedule: (body: { activityId: string; observerId: string }, key: string) =>
    api.post<{ id: string; version: number }>(base, body, key),
  record: (id: string, body: RecordBody, key: string) =>
    api.post<{ version: number; totalScore: number }>(`${base}/${id}/record`, body, key),
  close: (id: string, body: { note?: string; version: number }) =>
    api.post<null>(`${base}/${id}/close`, body),
  cancel: (id: string, body: { note: string; version: number }) =>
    api.post<null>(`${base}/${id}/cancel`, body),
  mine: () => api.get<MyObservations>('/my-hearing-observations'),
  reply: (id: string, body: { text: string; version: number }) =>
    api.post<MyObservations>(`${base}/${id}/reply`, body),
};
