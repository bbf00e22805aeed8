import { describe, expect, it } from 'vitest';
import { identityView, memberBirthView } from '../src/index.ts';

const facts = { idNumber: '11010819900307123X', birthDate: '1990-03-07' };

describe('identityView', () => {
  it('gives a reader without person.unmask the masked number and the birth year only', () => {
    const view = identityView(facts, false);
    expect(view).toEqual({ idNumberMasked: '110108********123X', birthDate: null, birthYear: 1990 });
    // Nothing in the view carries the hidden digits (the birth date 19900307).
    expect(JSON.stringify(view)).not.toContain('19900307');
    expect(JSON.stringify(view)).not.toContain('03-07');
  });

  it('keeps the birth date for a reader with person.unmask, the number still masked', () => {
    expect(identityView(facts, true)).toEqual({
      idNumberMasked: '110108********123X',
      birthDate: '1990-03-07',
      birthYear: 1990,
    });
  });

  it('answers nulls for a person without a number or a birth date', () => {
    expect(identityView({ idNumber: null, birthDate: null }, false)).toEqual({
      idNumberMasked: null,
      birthDate: null,
      birthYear: null,
    });
  });

  it('applies the same rule to household members', () => {
    expect(memberBirthView('2012-11-30', false)).toEqual({ birthDate: null, birthYear: 2012 });
    expect(memberBirthView('2012-11-30', true)).toEqual({ birthDate: '2012-11-30', birthYear: 2012 });
    expect(memberBirthView(null, false)).toEqual({ birthDate: null, birthYear: null });
  });
});
