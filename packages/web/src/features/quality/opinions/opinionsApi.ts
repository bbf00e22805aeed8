import { api, download } from '../../../api';
import type { ApiRequestBody, ApiResponse } from '../../../api/openapi';

export type OpinionItem = ApiResponse<'getQualityOrganOpinions'>['items'][number];
export type OpinionDetail = ApiResponse<'getQualityOrganOpinionsById'>;
export type OpinionStatus = OpinionItem['status'];
export type CaseLookup = ApiResponse<'getQualityOrganOpinionsCase'>;
export type CreateBody = ApiRequestBody<'postQualityOrganOpinions'>;
export type AnswerBody = ApiRequestBody<'postQualityOrganOpinionsByIdAnswer'>;
export type StepResult = ApiResponse<'postQualityOrganOpinionsByIdSend'>;

export const opinionKeys = {
  all: ['organ-opinions'] as const,
  list: (status: OpinionStatus | undefined) => ['organ-opinions', 'list', status ?? 'all'] as const,
  detail: (id: string) => ['organ-opinions', 'detail', id] as const,
};

export const opinionsApi = {
  list: (status?: OpinionStatus) =>
    api.get<{ items: OpinionItem[] }>('/quality/organ-opinions', status ? { status } : undefined),
  findCase: (number: string) => api.get<CaseLookup>('/quality/organ-opinions/case', { number }),
  detail: (id: string) => api.get<OpinionDetail>(`/quality/organ-opinions/${id}`),
  create: (body: CreateBody, key: string) => api.post<{ id: string }>('/quality/organ-opinions', body, key),
  send: (id: string, version: number) =>
    api.post<StepResult>(`/quality/organ-opinions/${id}/send`, { version }),
  answer: (id: string, body: AnswerBody, key: string) =>
    api.post<StepResult & { poorItems: string[] }>(`/quality/organ-opinions/${id}/answer`, body, key),
  cancel: (id: string, version: number, reason: string) =>
    api.post<StepResult>(`/quality/organ-opinions/${id}/cancel`, { version, reason }),
  letter: (id: string) => download(`/quality/organ-opinions/${id}/letter.pdf`),
};
