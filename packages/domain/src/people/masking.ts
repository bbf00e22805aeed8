import { maskDocumentNumber } from './identity-number.ts';

/** The identity part of a person as stored: the opened number (or null) and the birth date. */
export interface IdentityFacts {
  idNumber: string | null;
  birthDate: string | null;
}

/**
 * What a screen may show of a person's identity. The masked number keeps the region code and the
 * last four digits; the full birth date would fill the eight hidden digits back in, so a reader
 * without `person.unmask` gets the birth year only and `birthDate: null`. A reader with it gets the
 * birth date as well (the full number still comes only from the audited unmask call).
 */
export interface IdentityView {
  idNumberMasked: string | null;
  birthDate: string | null;
  birthYear: number | null;
}

export function identityView(facts: IdentityFacts, canUnmask: boolean): IdentityView {
  const birthYear = birthYearOf(facts.birthDate);
  return {
    idNumberMasked: facts.idNumber === null ? null : maskDocumentNumber(facts.idNumber),
    birthDate: canUnmask ? facts.birthDate : null,
    birthYear,
  };
}

/** A household member's birth date under the same rule: the year only without `person.unmask`. */
export function memberBirthView(
  birthDate: string | null,
  canUnmask: boolean,
): { birthDate: string | null; birthYear: number | null } {
  return { birthDate: canUnmask ? birthDate : null, birthYear: birthYearOf(birthDate) };
}

function birthYearOf(birthDate: string | null): number | null {
  if (birthDate === null) return null;
  const year = Number(birthDate.slice(0, 4));
  return Number.isInteger(year) ? year : null;
}
