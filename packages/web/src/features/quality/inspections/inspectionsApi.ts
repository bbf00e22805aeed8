import { api } from '../../../api';
import type { ApiRequestBody, ApiResponse } from '../../../api/openapi';

export type SamplingPlanList = ApiResponse<'getQualitySamplingPlans'>;
export type SamplingPlan = SamplingPlanList['items'][number];
export type SamplingPlanDetail = ApiResponse<'getQualitySamplingPlansById'>;
export type SamplingPlanBody = ApiRequestBody<'postQualitySamplingPlans'>;
export type InspectionQueue = ApiResponse<'getQualityInspections'>;
export type InspectionQueueItem = InspectionQueue['items'][number];
export type InspectionDetail = ApiResponse<'getQualityInspectionsById'>;
export type ChecklistItem = InspectionDetail['items'][number];
export type Judgements = InspectionDetail['judgements'];
export type Rectification = InspectionDetail['rectifications'][number];
export type CaseChecklist = ApiResponse<'getCasesByIdServiceStandard'>;
export type MyRectifications = ApiResponse<'getMyRectifications'>;
export type MyRectification = MyRectifications['items'][number];

export const inspectionKeys = {
  plans: ['quality', 'sampling-plans'] as const,
  plan: (id: string) => ['quality', 'sampling-plans', id] as const,
  queue: (mine: boolean, done: boolean) => ['quality', 'inspections', 'queue', mine, done] as const,
  queueAll: ['quality', 'inspections', 'queue'] as const,
  detail: (id: string) => ['quality', 'inspections', 'detail', id] as const,
  mine: ['quality', 'my-rectifications'] as const,
};

export const inspectionsApi = {
  plans: () => api.get<SamplingPlanList>('/quality/sampling-plans'),
  plan: (id: string) => api.get<SamplingPlanDetail>(`/quality/sampling-plans/${id}`),
  createPlan: (body: SamplingPlanBody, idempotencyKey: string) =>
    api.post<{ id: string }>('/quality/sampling-plans', body, idempotencyKey),
  draw: (id: string, seed: string | undefined, idempotencyKey: string) =>
    api.post<SamplingPlanDetail>(`/quality/sampling-plans/${id}/draw`, seed ? { seed } : {}, idempotencyKey),
  queue: (mine: boolean, done: boolean) =>
    api.get<InspectionQueue>('/quality/inspections', {
      ...(mine ? { mine: 'true' } : {}),
      ...(done ? { done: 'true' } : {}),
    }),
  start: (applicationId: string, idempotencyKey: string) =>
    api.post<{ id: string }>('/quality/inspections', { applicationId }, idempotencyKey),
  detail: (id: string) => api.get<InspectionDetail>(`/quality/inspections/${id}`),
  saveJudgements: (id: string, body: { version: number; judgements: Judgements; findings?: string }) =>
    api.post<InspectionDetail>(`/quality/inspections/${id}/judgements`, body),
  complete: (id: string, body: { version: number; judgements: Judgements; findings: string }) =>
    api.post<InspectionDetail>(`/quality/inspections/${id}/complete`, body),
  requestRectification: (id: string, body: { items: string[]; dueOn: string }, idempotencyKey: string) =>
    api.post<InspectionDetail>(`/quality/inspections/${id}/rectifications`, body, idempotencyKey),
  settle: (id: string, body: { accept: boolean; note?: string }) =>
    api.post<null>(`/quality/rectifications/${id}/settle`, body),
  caseChecklist: (caseId: string) => api.get<CaseChecklist>(`/cases/${caseId}/service-standard`),
  mine: () => api.get<MyRectifications>('/my-rectifications'),
  reply: (id: string, body: { version: number; text: string }) =>
    api.post<MyRectifications>(`/my-rectifications/${id}/reply`, body),
};
