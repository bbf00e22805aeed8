import { api, download } from '../../api';
import type { ApiRequestBody, ApiResponse } from '../../api/openapi';

export type BudgetLine = ApiResponse<'getFundingBudgetLines'>['items'][number];
export type BudgetLineDetail = ApiResponse<'getFundingBudgetLinesById'>;
export type NewBudgetLine = ApiRequestBody<'postFundingBudgetLines'>;
export type BudgetLineChange = ApiRequestBody<'patchFundingBudgetLinesById'>;
export type Donation = ApiResponse<'getFundingDonations'>['items'][number];
export type DonationDetail = ApiResponse<'getFundingDonationsById'>;
export type NewDonation = ApiRequestBody<'postFundingDonations'>;
export type NewDonationUse = ApiRequestBody<'postFundingDonationsByIdUses'>;
export type Contract = ApiResponse<'getFundingContracts'>['items'][number];
export type ContractDetail = ApiResponse<'getFundingContractsById'>;
export type NewContract = ApiRequestBody<'postFundingContracts'>;
export type NewPayment = ApiRequestBody<'postFundingContractsByIdPayments'>;
export type NewHotlineHours = ApiRequestBody<'postFundingContractsByIdHotlineHours'>;

export const fundingKeys = {
  all: ['funding'] as const,
  lines: (year?: number) => ['funding', 'lines', year ?? 'all'] as const,
  line: (id: string) => ['funding', 'line', id] as const,
  donations: ['funding', 'donations'] as const,
  donation: (id: string) => ['funding', 'donation', id] as const,
  contracts: ['funding', 'contracts'] as const,
  contract: (id: string) => ['funding', 'contract', id] as const,
  firms: ['funding', 'firms'] as const,
};

export const fundingApi = {
  lines: (year?: number) =>
    api.get<{ items: BudgetLine[] }>('/funding/budget-lines', year ? { year: String(year) } : undefined),
  line: (id: string) => api.get<BudgetLineDetail>(`/funding/budget-lines/${id}`),
  createLine: (body: NewBudgetLine, key: string) =>
    api.post<{ id: string }>('/funding/budget-lines', body, key),
  changeLine: (id: string, body: BudgetLineChange) =>
    api.patch<{ version: number }>(`/funding/budget-lines/${id}`, body),
  donations: () => api.get<{ items: Donation[] }>('/funding/donations'),
  donation: (id: string) => api.get<DonationDetail>(`/funding/donations/${id}`),
  createDonation: (body: NewDonation, key: string) =>
    api.post<{ id: string; receiptNumber: string }>('/funding/donations', body, key),
  useDonation: (id: string, body: NewDonationUse, key: string) =>
    api.post<{ id: string; leftFen: number }>(`/funding/donations/${id}/uses`, body, key),
  receipt: (id: string) => download(`/funding/donations/${id}/receipt.pdf`),
  contracts: () => api.get<{ items: Contract[] }>('/funding/contracts'),
  contract: (id: string) => api.get<ContractDetail>(`/funding/contracts/${id}`),
  firms: () => api.get<{ items: Array<{ id: string; name: string }> }>('/funding/law-firms'),
  createContract: (body: NewContract, key: string) =>
    api.post<{ id: string }>('/funding/contracts', body, key),
  pay: (id: string, body: NewPayment, key: string) =>
    api.post<{ id: string; leftFen: number }>(`/funding/contracts/${id}/payments`, body, key),
  addHours: (id: string, body: NewHotlineHours, key: string) =>
    api.post<{ id: string }>(`/funding/contracts/${id}/hotline-hours`, body, key),
};
