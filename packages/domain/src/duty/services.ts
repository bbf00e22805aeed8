/**
 * What a duty lawyer does for a person at the station (the service log), and the organs' requests
 * for a duty lawyer. The words and citations of the service types are rule rows (list
 * `duty_service_type`, reference/lists-cn-bj.ts); these are the codes the rules and KPIs name.
 */

/** The service types of the duty-lawyer measures (司规〔2020〕6号) with the law behind each (rule rows). */
export const DUTY_SERVICE_TYPES = [
  'legal_consultation', // 法律咨询 — LAL art.30
  'procedure_advice', // 程序选择建议 — LAL art.30
  'coercive_measure_change', // 申请变更强制措施 — LAL art.30
  'case_opinion', // 对案件处理提出意见 — LAL art.30
  'aid_application_help', // 帮助申请法律援助 — LAL art.39
  'plea_signing_presence', // 认罪认罚具结书签署在场 — CPL art.174
  'meeting', // 会见 — LAL art.37
  'file_reading', // 阅卷 — LAL art.37
] as const;
export type DutyServiceType = (typeof DUTY_SERVICE_TYPES)[number];

/** The service whose record needs the plea fields (CPL art.174: signed with a duty lawyer present). */
export const PLEA_SIGNING: DutyServiceType = 'plea_signing_presence';

/** The lawyer's opinion on the plea and the sentencing proposal (CPL art.173). */
export const PLEA_OPINIONS = ['agree', 'disagree'] as const;
export type PleaOpinion = (typeof PLEA_OPINIONS)[number];

/** Why an organ asks for a duty lawyer. */
export const DUTY_REQUEST_REASONS = ['plea_signing', 'consultation', 'coercive_measure', 'other'] as const;
export type DutyRequestReason = (typeof DUTY_REQUEST_REASONS)[number];

/** received → accepted (a lawyer takes it) → served (a service record closes it). */
export const DUTY_REQUEST_STATUSES = ['received', 'accepted', 'served'] as const;
export type DutyRequestStatus = (typeof DUTY_REQUEST_STATUSES)[number];

/** Whether the plea fields a plea-signing record needs are there: the case number, the prosecutor, charges, an opinion. */
export function missingPleaFields(input: {
  serviceTypes: readonly string[];
  institutionCaseNumber?: string | null;
  plea?: { prosecutor?: string | null; charges?: readonly string[]; opinion?: string | null } | null;
}): string[] {
  if (!input.serviceTypes.includes(PLEA_SIGNING)) return [];
  const missing: string[] = [];
  if (!input.institutionCaseNumber) missing.push('institutionCaseNumber');
  if (!input.plea?.prosecutor) missing.push('plea.prosecutor');
  if (!input.plea?.charges || input.plea.charges.length === 0) missing.push('plea.charges');
  if (!input.plea?.opinion) missing.push('plea.opinion');
  return missing;
}

/** A share in whole per-mille (0–1000), or null when there is nothing to divide by. */
export function perMille(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((1000 * part) / whole) : null;
}
