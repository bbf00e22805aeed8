import type { LocalDate } from '../shared/brand.ts';

/**
 * Government purchase of legal services (政府购买法律服务; LAL art.15: the justice department may
 * choose law firms and other legal service bodies by government procurement): a contract with a
 * law firm of the registry or a named social organisation, for a period, an amount and the
 * services due.
 */
export const PROVIDER_KINDS = ['law_firm', 'social_organisation'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** The services a contract counts. */
export const CONTRACT_SERVICES = ['cases', 'dutyDays', 'hotlineHours'] as const;
export type ContractService = (typeof CONTRACT_SERVICES)[number];

export type ServiceCounts = Record<ContractService, number>;

/**
 * Duty-lawyer days: one lawyer on duty on one date, however many slots (a morning and an afternoon
 * slot of the same lawyer on one day are one day; two lawyers on one day are two).
 */
export function countDutyDays(slots: readonly { handlerId: string; date: LocalDate }[]): number {
  return new Set(slots.map((s) => `${s.handlerId}|${s.date}`)).size;
}

/** Hours from recorded seconds, to one decimal place (rounded down: an hour is never claimed early). */
export function hoursOf(seconds: number): number {
  return Math.floor(seconds / 360) / 10;
}

export interface ServiceProgress {
  service: ContractService;
  due: number;
  delivered: number;
  /** Delivered ÷ due, per mille, capped at nothing (over-delivery shows above 1000); null when none due. */
  perMille: number | null;
}

/** What was due and what was delivered, service by service. */
export function contractProgress(due: ServiceCounts, delivered: ServiceCounts): ServiceProgress[] {
  return CONTRACT_SERVICES.map((service) => ({
    service,
    due: due[service],
    delivered: delivered[service],
    perMille: due[service] > 0 ? Math.floor((delivered[service] * 1000) / due[service]) : null,
  }));
}

/** Whether a payment of `nextFen` fits within the contract amount after the payments made. */
export function paymentFits(contractFen: number, paidFen: readonly number[], nextFen: number) {
  const paid = paidFen.reduce((sum, p) => sum + p, 0);
  return { paidFen: paid, leftFen: contractFen - paid, fits: nextFen > 0 && nextFen <= contractFen - paid };
}

/** Whether a date falls within a contract's period (both ends included). */
export function withinPeriod(on: LocalDate, startsOn: LocalDate, endsOn: LocalDate): boolean {
  return on >= startsOn && on <= endsOn;
}
