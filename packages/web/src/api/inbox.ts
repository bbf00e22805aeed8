import { api } from './client';
import type { ApiQuery, ApiRequestBody, ApiResponse } from './openapi';
import type { ApplicationDetail } from './applicationTypes';

// 来件: notices from police, procuratorates and courts, and applications forwarded from custody
// (packages/server/src/modules/criminal), and the paper notice typed in at the window.

export type InboxItem = ApiResponse<'getInbox'>['items'][number];
export type InboxQuery = ApiQuery<'getInbox'>;
export type PaperNoticeInput = ApiRequestBody<'postCriminalNotices'>;

export const inboxApi = {
  list: (query: InboxQuery, signal?: AbortSignal) =>
    api.get<ApiResponse<'getInbox'>>('/inbox', { ...query }, signal),
  /** A paper notice (通知辩护/代理) recorded by staff; the defendant may be given inline. */
  recordNotice: (input: PaperNoticeInput, idempotencyKey: string) =>
    api.post<ApplicationDetail>('/criminal-notices', input, idempotencyKey),
};
