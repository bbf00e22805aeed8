/**
 * The one register of personal-data fields (architecture.md, "Data"): which class each belongs to.
 * The audit log masks these in before/after values; logs never print them (platform/http/logger.ts).
 */
export type PersonalDataClass = 'identity' | 'contact' | 'financial' | 'health' | 'criminal';

export const PERSONAL_FIELDS: Record<string, Record<string, PersonalDataClass>> = {
  users: { phone: 'contact' },
  persons: {
    idNumber: 'identity',
    birthDate: 'identity',
    phone: 'contact',
    address: 'contact',
    householdMembers: 'identity',
    representativePhone: 'contact',
  },
  consultations: { callerName: 'identity', callerPhone: 'contact' },
  applications: { householdMonthlyIncomeFen: 'financial' },
  // A recorded conflict names a party (回避): a person's name in the audit log's changes.
  handlers: { phone: 'contact', conflictPartyName: 'identity' },
  // Duty lawyers' records name the person served and, optionally, their ID number (sealed).
  duty_services: { personName: 'identity', personIdNumber: 'identity', charges: 'criminal' },
  // A complaint taken by staff names the complainant and their phone (sealed).
  complaints: { complainantName: 'identity', complainantPhone: 'contact', text: 'identity' },
  duty_requests: { suspectName: 'identity', suspectIdNumber: 'identity' },
  // A handler paid directly is named by the account; the number itself is sealed and never audited.
  payee_bank_accounts: { accountName: 'identity', accountNumber: 'financial' },
  // A donor may be a person: their name only (no phone or identity number is kept).
  donations: { donorName: 'identity' },
};

export function personalFieldsOf(entityType: string): ReadonlySet<string> {
  return new Set(Object.keys(PERSONAL_FIELDS[entityType] ?? {}));
}
