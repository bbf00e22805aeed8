import { api, download } from '../../api';
import type { ApiQuery, ApiRequestBody, ApiResponse } from '../../api/openapi';

export type FeeWaiverItem = ApiResponse<'getFeeWaivers'>['items'][number];
export type FeeWaiverDetail = ApiResponse<'getFeeWaiversById'>;
export type FeeWaiverStatus = FeeWaiverItem['status'];
export type FeeWaiverBodyKind = FeeWaiverItem['bodyKind'];
export type FeeWaiverRequestKind = FeeWaiverItem['requestKind'];
export type FeeWaiverOutcome = NonNullable<FeeWaiverItem['outcome']>;
export type FeeWaiverCase = ApiResponse<'getFeeWaiversCase'>;
export type CreateBody = ApiRequestBody<'postFeeWaivers'>;
export type AnswerBody = ApiRequestBody<'postFeeWaiversByIdAnswer'>;
export type StepResult = ApiResponse<'postFeeWaiversByIdAnswer'>;
export type ListFilter = NonNullable<ApiQuery<'getFeeWaivers'>>;

export const feeWaiverKeys = {
  all: ['fee-waivers'] as const,
  list: (filter: ListFilter) => ['fee-waivers', 'list', filter] as const,
  detail: (id: string) => ['fee-waivers', 'detail', id] as const,
};

/** The request kinds each body can be asked for (LAL art.53), as the server checks them. */
export const KINDS_OF: Record<FeeWaiverBodyKind, FeeWaiverRequestKind[]> = {
  court: ['litigation_fee_deferral', 'litigation_fee_reduction', 'litigation_fee_waiver'],
  notary_office: ['notary_fee_reduction', 'notary_fee_waiver'],
  forensic_appraisal: ['appraisal_fee_reduction', 'appraisal_fee_waiver'],
};
export const BODY_KINDS = Object.keys(KINDS_OF) as FeeWaiverBodyKind[];

export const feeWaiversApi = {
  list: (filter: ListFilter) => api.get<{ items: FeeWaiverItem[] }>('/fee-waivers', filter),
  findCase: (query: { number?: string; applicationId?: string }) =>
    api.get<FeeWaiverCase>('/fee-waivers/case', query),
  detail: (id: string) => api.get<FeeWaiverDetail>(`/fee-waivers/${id}`),
  create: (body: CreateBody, key: string) => api.post<{ id: string }>('/fee-waivers', body, key),
  send: (id: string, version: number) =>
    api.post<StepResult & { letterNumber: string }>(`/fee-waivers/${id}/send`, { version }),
  answer: (id: string, body: AnswerBody, key: string) =>
    api.post<StepResult>(`/fee-waivers/${id}/answer`, body, key),
  withdraw: (id: string, version: number, reason: string) =>
    api.post<StepResult>(`/fee-waivers/${id}/withdraw`, { version, reason }),
  letter: (id: string) => download(`/fee-waivers/${id}/letter.pdf`),
};
