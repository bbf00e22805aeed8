import type { Dayjs } from 'dayjs';
import type {
  ActivityInput,
  ActivityKind,
  ClosingInput,
  ClosingResult,
  ClosingReviewInput,
  DiscussionInput,
} from '../../api';
import { yuanToFen } from '../applications/applicationFormValues';
import { asBeijingInstant } from '../rules/beijingTime';

/** The casework dialogs' values and the request bodies they become. Pure, like actionRequests.ts. */
const optional = (value: string | undefined) => {
  const text = value?.trim();
  return text ? text : undefined;
};

export interface ActivityValues {
  kind: ActivityKind;
  occurredAt: Dayjs;
  place?: string;
  summary: string;
  /** Planned ahead (安排): the time lies in the future. */
  scheduled?: boolean;
}

export function toActivityInput(values: ActivityValues): ActivityInput {
  const place = optional(values.place);
  return {
    kind: values.kind,
    occurredAt: asBeijingInstant(values.occurredAt),
    ...(place ? { place } : {}),
    summary: values.summary.trim(),
    ...(values.scheduled ? { scheduled: true } : {}),
  };
}

export interface ClosingValues {
  result: ClosingResult;
  /** Yuan as typed; the server keeps fen. */
  amountYuan?: number | null;
  report: string;
}

export function toClosingInput(values: ClosingValues): ClosingInput {
  const amount = values.amountYuan;
  return {
    result: values.result,
    ...(amount !== undefined && amount !== null ? { amountRecoveredFen: yuanToFen(amount) } : {}),
    report: values.report.trim(),
  };
}

export interface ClosingReviewValues {
  outcome: 'accept' | 'return';
  reason?: string;
}

export function toClosingReviewInput(values: ClosingReviewValues): ClosingReviewInput {
  const reason = optional(values.reason);
  return values.outcome === 'accept'
    ? { accept: true, ...(reason ? { reason } : {}) }
    : { accept: false, reason: reason ?? '' };
}

export interface DiscussionValues {
  heldAt: Dayjs;
  /** One name a line. */
  participants: string;
  conclusions: string;
}

export function participantsOf(text: string): string[] {
  return text
    .split(/[\n,，、]/)
    .map((name) => name.trim())
    .filter(Boolean);
}

export function toDiscussionInput(values: DiscussionValues): DiscussionInput {
  return {
    heldAt: asBeijingInstant(values.heldAt),
    participants: participantsOf(values.participants),
    conclusions: values.conclusions.trim(),
  };
}
