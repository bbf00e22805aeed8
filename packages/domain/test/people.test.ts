import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  checkResidentIdNumber,
  idNumberCheckCharacter,
  localDate,
  maskDocumentNumber,
  normalisePhone,
  daysBetween,
} from '../src/index.ts';

const TODAY = localDate('2026-11-02');
const FIRST = localDate('1900-01-01');

/** A valid number: a real region prefix, a birth date up to today, any sequence, the right check character. */
const validIdArb = fc
  .record({
    region: fc.constantFrom('110105', '110108', '310104', '440305', '510107', '650102'),
    day: fc.integer({ min: 0, max: daysBetween(FIRST, TODAY) }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, day, sequence }) => {
    const first17 = `${region}${addDays(FIRST, day).replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
    return first17 + idNumberCheckCharacter(first17);
  });

describe('resident identity numbers (GB 11643-1999)', () => {
  it('accepts a known number and derives birth date, sex and region', () => {
    // The standard's own example: 11010519491231002X.
    expect(checkResidentIdNumber('11010519491231002x', TODAY)).toEqual({
      ok: true,
      identity: {
        idNumber: '11010519491231002X',
        regionCode: '110105',
        birthDate: '1949-12-31',
        sex: 'female',
      },
    });
    const male = checkResidentIdNumber(
      `11010819800101001${idNumberCheckCharacter('11010819800101001')}`,
      TODAY,
    );
    expect(male.ok && male.identity.sex).toBe('male');
  });

  it('always validates a generated valid number, with the sex of the 17th digit', () => {
    fc.assert(
      fc.property(validIdArb, (id) => {
        const result = checkResidentIdNumber(id, TODAY);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.identity.sex).toBe(Number(id[16]) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });

  it('reports any single changed character as a checksum error', () => {
    fc.assert(
      fc.property(
        validIdArb,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 10 }),
        (id, position, shift) => {
          const alphabet = '0123456789X';
          const options = position === 17 ? alphabet : alphabet.slice(0, 10);
          const current = options.indexOf(id[position]!);
          const replacement = options[(current + shift) % options.length]!;
          fc.pre(replacement !== id[position]);
          const changed = id.slice(0, position) + replacement + id.slice(position + 1);
          expect(checkResidentIdNumber(changed, TODAY)).toEqual({ ok: false, problem: 'ID_CHECKSUM' });
        },
      ),
    );
  });

  it('names each problem with a stable code', () => {
    const withCheck = (first17: string) => first17 + idNumberCheckCharacter(first17);
    expect(checkResidentIdNumber('11010519491231002', TODAY)).toEqual({ ok: false, problem: 'ID_LENGTH' });
    expect(checkResidentIdNumber('1101051949123100AX', TODAY)).toEqual({ ok: false, problem: 'ID_FORMAT' });
    expect(checkResidentIdNumber(withCheck('99010519491231002'), TODAY)).toMatchObject({
      problem: 'ID_REGION',
    });
    expect(checkResidentIdNumber(withCheck('11010519490231002'), TODAY)).toMatchObject({
      problem: 'ID_BIRTH_DATE',
    });
    // Born tomorrow: valid in every other respect, but not yet.
    expect(checkResidentIdNumber(withCheck('11010520261103002'), TODAY)).toMatchObject({
      problem: 'ID_BIRTH_DATE',
    });
    expect(checkResidentIdNumber(withCheck('11010520261102002'), TODAY).ok).toBe(true);
  });

  it('masks for display: first 6 and last 4', () => {
    expect(maskDocumentNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskDocumentNumber('E12345678')).toBe('E1*****78');
    expect(maskDocumentNumber('12345')).toBe('*****');
  });
});

describe('phone numbers', () => {
  it('brings mobiles and landlines to one form', () => {
    expect(normalisePhone('138 0013 8000')).toEqual({ ok: true, phone: '13800138000', kind: 'mobile' });
    expect(normalisePhone('+86 138-0013-8000')).toMatchObject({ phone: '13800138000' });
    expect(normalisePhone('008613800138000')).toMatchObject({ phone: '13800138000' });
    expect(normalisePhone('(010) 6512 3456')).toEqual({ ok: true, phone: '010-65123456', kind: 'landline' });
    expect(normalisePhone('+86 10 65123456')).toMatchObject({ phone: '010-65123456' });
    expect(normalisePhone('0755-8888888-123')).toMatchObject({ phone: '0755-8888888-123' });
  });

  it('refuses what is not a Chinese phone number', () => {
    for (const bad of ['12348', '1380013800', '23800138000', '65123456', 'abc'])
      expect(normalisePhone(bad)).toEqual({ ok: false, problem: 'PHONE_FORMAT' });
  });

  it('is idempotent', () => {
    const mobileArb = fc
      .tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }))
      .map(([second, rest]) => `1${second}${String(rest).padStart(9, '0')}`);
    fc.assert(
      fc.property(mobileArb, (mobile) => {
        const once = normalisePhone(mobile);
        expect(once.ok && normalisePhone(once.phone)).toEqual(once);
      }),
    );
  });
});
