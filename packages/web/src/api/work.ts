import { api } from './client';
import type { ApiQuery, ApiRequestBody, ApiResponse } from './openapi';
import type { CaseActivity } from './caseworkTypes';
import type { MyAssignment } from './assignmentTypes';

// Today's work: the role's queues, the bell's settings, scheduled activities and the hearing
// calendar (packages/server/src/modules/work-queues, notifications, casework/hearing-calendar).

export type WorkQueue = ApiResponse<'getWorkQueues'>['items'][number];
export type NotificationSettings = ApiResponse<'getMeNotificationSettings'>;
export type HearingEntry = ApiResponse<'getHearings'>['items'][number];
export type HearingQuery = ApiQuery<'getHearings'>;
export type ActivityOutcomeInput = ApiRequestBody<'postCasesByIdActivitiesByActivityIdOutcome'>;
export type HandlerQueue = NonNullable<ApiQuery<'getMyAssignments'>['queue']>;

const enc = encodeURIComponent;

export const workApi = {
  queues: async (signal?: AbortSignal) =>
    (await api.get<{ items: WorkQueue[] }>('/work-queues', undefined, signal)).items,
  readAll: () => api.post<{ marked: number }>('/alerts/read-all'),
  notificationSettings: (signal?: AbortSignal) =>
    api.get<NotificationSettings>('/me/notification-settings', undefined, signal),
  setNotificationSettings: (input: { sms: boolean }) =>
    api.put<NotificationSettings>('/me/notification-settings', input),
  /** The handler's own assignments in one of their home page queues. */
  myAssignments: async (queue: HandlerQueue, signal?: AbortSignal) =>
    (await api.get<{ items: MyAssignment[] }>('/my-assignments', { queue }, signal)).items,
  hearings: async (query: HearingQuery, signal?: AbortSignal) =>
    (await api.get<{ items: HearingEntry[] }>('/hearings', { ...query }, signal)).items,
  /** A scheduled activity settled: held (what happened) or not held (why). */
  settleActivity: (caseId: string, activityId: string, input: ActivityOutcomeInput) =>
    api.post<CaseActivity>(`/cases/${enc(caseId)}/activities/${enc(activityId)}/outcome`, input),
};
