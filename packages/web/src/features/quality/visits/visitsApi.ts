import { api } from '../../../api';
import type { ApiRequestBody, ApiResponse } from '../../../api/openapi';

export type VisitItem = ApiResponse<'getQualityVisits'>['items'][number];
export type VisitDetail = ApiResponse<'getQualityVisitsById'>;
export type ReviewItem = ApiResponse<'getQualityReviews'>['items'][number];
export type PlanBody = ApiRequestBody<'postQualityVisitPlans'>;
export type PlanResult = ApiResponse<'postQualityVisitPlans', 201>;
export type RecordBody = ApiRequestBody<'postQualityVisitsByIdRecord'>;

export const visitKeys = {
  list: ['visits', 'list'] as const,
  detail: (id: string) => ['visits', 'detail', id] as const,
  reviews: ['visits', 'reviews'] as const,
};

export const visitsApi = {
  list: () => api.get<{ items: VisitItem[] }>('/quality/visits'),
  detail: (id: string) => api.get<VisitDetail>(`/quality/visits/${id}`),
  plan: (body: PlanBody, key: string) => api.post<PlanResult>('/quality/visit-plans', body, key),
  record: (id: string, body: RecordBody, key: string) =>
    api.post<{ reviewId: string | null }>(`/quality/visits/${id}/record`, body, key),
  survey: (id: string) => api.post<null>(`/quality/visits/${id}/survey`, {}),
  reviews: () => api.get<{ items: ReviewItem[] }>('/quality/reviews'),
  closeReview: (id: string, resolution: string) =>
    api.post<null>(`/quality/reviews/${id}/close`, { resolution }),
};
