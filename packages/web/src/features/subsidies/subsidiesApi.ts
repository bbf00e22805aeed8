import { api, download } from '../../api';
import type { ApiRequestBody, ApiResponse } from '../../api/openapi';

export type Calculation = ApiResponse<'getSubsidyCalculationsById'>;
export type CalculationRow = ApiResponse<'getSubsidyCalculations'>['items'][number];
export type CalculationStatus = Calculation['status'];
export type CalculationItem = Calculation['items'][number];
export type ReviewFactsBody = ApiRequestBody<'postSubsidyCalculationsByIdReviewFacts'>;
export type ApproveBody = ApiRequestBody<'postSubsidyCalculationsByIdApprove'>;
export type BatchSummary = ApiResponse<'getSubsidyBatches'>[number];
export type BatchDetail = ApiResponse<'getSubsidyBatchesById'>;
export type BatchStatus = BatchSummary['status'];
export type NewBatchBody = ApiRequestBody<'postSubsidyBatches'>;
export type ReturnReport = ApiResponse<'postSubsidyBatchesByIdBankReturn'>;
export type Payee = ApiResponse<'getSubsidyPayees'>[number];
export type PayeeAccountBody = ApiRequestBody<'putSubsidyPayeesAccount'>;
export type BankLayoutView = ApiResponse<'getSubsidyBankLayout'>;
export type BankLayout = BankLayoutView['layout'];
export type MySubsidy = ApiResponse<'getHandlersMeSubsidies'>[number];

/** Query keys of the subsidy area. */
export const subsidyAreaKeys = {
  all: ['subsidy-area'] as const,
  calculations: (status: string) => ['subsidy-area', 'calculations', status] as const,
  calculation: (id: string) => ['subsidy-area', 'calculation', id] as const,
  ofCase: (applicationId: string) => ['subsidy-area', 'case', applicationId] as const,
  batches: ['subsidy-area', 'batches'] as const,
  batch: (id: string) => ['subsidy-area', 'batch', id] as const,
  payees: ['subsidy-area', 'payees'] as const,
  layout: ['subsidy-area', 'layout'] as const,
  mine: ['subsidy-area', 'mine'] as const,
};

const calc = (id: string) => `/subsidy-calculations/${encodeURIComponent(id)}`;
const batch = (id: string) => `/subsidy-batches/${encodeURIComponent(id)}`;

export const subsidyAreaApi = {
  calculations: (status?: CalculationStatus, page = 1) =>
    api.get<ApiResponse<'getSubsidyCalculations'>>('/subsidy-calculations', {
      ...(status ? { status } : {}),
      page,
      pageSize: 50,
    }),
  calculation: (id: string) => api.get<Calculation>(calc(id)),
  ofCase: (applicationId: string) =>
    api.get<Calculation | null>(`/applications/${encodeURIComponent(applicationId)}/subsidy-calculation`),
  reviewFacts: (id: string, body: ReviewFactsBody) => api.post<Calculation>(`${calc(id)}/review-facts`, body),
  approve: (id: string, body: ApproveBody) => api.post<Calculation>(`${calc(id)}/approve`, body),
  secondApproval: (id: string, version: number, approve: boolean, reason?: string) =>
    api.post<Calculation>(`${calc(id)}/second-approval`, { version, approve, ...(reason ? { reason } : {}) }),
  reopen: (id: string, version: number) => api.post<Calculation>(`${calc(id)}/reopen`, { version }),
  batches: () => api.get<BatchSummary[]>('/subsidy-batches'),
  batch: (id: string) => api.get<BatchDetail>(batch(id)),
  createBatch: (body: NewBatchBody, key: string) => api.post<BatchDetail>('/subsidy-batches', body, key),
  batchStep: (id: string, step: 'submit' | 'approve' | 'cancel', version: number) =>
    api.post<BatchDetail>(`${batch(id)}/${step}`, { version }),
  bankFile: (id: string) => download(`${batch(id)}/bank-file`),
  paymentList: (id: string) => download(`${batch(id)}/payment-list.pdf`),
  bankReturn: (id: string, file: File) => api.upload<ReturnReport>(`${batch(id)}/bank-return`, file),
  payees: () => api.get<Payee[]>('/subsidy-payees'),
  saveAccount: (body: PayeeAccountBody) => api.put<Payee[]>('/subsidy-payees/account', body),
  layout: () => api.get<BankLayoutView>('/subsidy-bank-layout'),
  saveLayout: (layout: BankLayout, version: number) =>
    api.put<BankLayoutView>('/subsidy-bank-layout', { layout, version }),
  mine: () => api.get<MySubsidy[]>('/handlers/me/subsidies'),
};

/** Opens a downloaded file: a PDF in a new tab, anything else saved under its name. */
export async function openDownload(file: Promise<{ blob: Blob; fileName: string }>, save: boolean) {
  const { blob, fileName } = await file;
  const url = URL.createObjectURL(blob);
  if (!save) {
    window.open(url, '_blank', 'noopener');
    return;
  }
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
