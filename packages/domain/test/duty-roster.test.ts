import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LIST_ITEMS,
  dutyHoursProblem,
  evaluateDutyCandidate,
  missingPleaFields,
  mondayOf,
  planRoster,
  weekSlots,
  type DutyCandidate,
  type DutyHours,
  type LocalDate,
  type QualificationRule,
} from '../src/index.ts';

const WEEK = '2026-11-02' as LocalDate;
const HOURS: DutyHours[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, shift: 'am' as const, start: '09:00', end: '12:00' },
  { weekday, shift: 'pm' as const, start: '13:30', end: '17:30' },
]);
const RULES: QualificationRule[] = LIST_ITEMS.filter((i) => i.list === 'handler_qualification');
const STATION = { id: 's', hostInstitution: '北京市海淀区人民法院' };

const lawyer = (id: string, overrides: Partial<DutyCandidate> = {}): DutyCandidate => ({
  id,
  kind: 'social_lawyer',
  status: 'active',
  yearsOfPractice: 5,
  conflictParties: [],
  dutiesThisWeek: 0,
  recentDuties: 0,
  lastDutyOn: null,
  busy: [],
  ...overrides,
});

describe('duty roster rules', () => {
  it('makes the week’s slots from the station’s hours, Monday first', () => {
    expect(mondayOf('2026-11-08' as LocalDate)).toBe('2026-11-02');
    expect(mondayOf('2026-11-02' as LocalDate)).toBe('2026-11-02');
    const slots = weekSlots(WEEK, HOURS);
    expect(slots).toHaveLength(10);
    expect(slots[0]).toEqual({ date: '2026-11-02', shift: 'am', start: '09:00', end: '12:00' });
    expect(slots[9]).toEqual({ date: '2026-11-06', shift: 'pm', start: '13:30', end: '17:30' });
  });

  it('checks the hours as data', () => {
    expect(dutyHoursProblem(HOURS)).toBeNull();
    expect(dutyHoursProblem([{ weekday: 8, shift: 'am', start: '09:00', end: '12:00' }])).toBe('weekday');
    expect(dutyHoursProblem([{ weekday: 1, shift: 'am', start: '12:00', end: '09:00' }])).toBe('time');
    expect(dutyHoursProblem([HOURS[0]!, HOURS[0]!])).toBe('duplicate');
  });

  it('keeps off a suspended handler, a non-lawyer (LAL art.14), a relation of the host (律师法 art.39), one busy elsewhere, one at capacity', () => {
    const slot = weekSlots(WEEK, HOURS)[0]!;
    const check = (c: DutyCandidate) =>
      evaluateDutyCandidate(c, slot, STATION, RULES, { maxPerWeek: 3 }, 0).reasons.filter((r) => r.blocking);
    expect(check(lawyer('a'))).toEqual([]);
    expect(check(lawyer('b', { status: 'suspended' })).map((r) => r.code)).toEqual(['HANDLER_SUSPENDED']);
    expect(check(lawyer('c', { kind: 'grassroots_worker' }))).toEqual([
      expect.objectContaining({ code: 'QUALIFICATION_NOT_MET', citation: 'LAL art.14' }),
    ]);
    expect(check(lawyer('d', { conflictParties: ['北京市 海淀区人民法院'] })).map((r) => r.code)).toEqual([
      'DUTY_CONFLICT_HOST',
    ]);
    expect(check(lawyer('e', { busy: ['2026-11-02|am'] })).map((r) => r.code)).toEqual([
      'DUTY_BUSY_ELSEWHERE',
    ]);
    expect(check(lawyer('f', { dutiesThisWeek: 3 })).map((r) => r.code)).toEqual(['DUTY_WEEK_FULL']);
  });

  it('puts the fewest recent duties first, then the longest wait, then the id', () => {
    const plan = planRoster({
      station: STATION,
      slots: weekSlots(WEEK, HOURS).slice(0, 3),
      candidates: [
        lawyer('x', { recentDuties: 2 }),
        lawyer('y', { recentDuties: 0, lastDutyOn: '2026-10-20' as LocalDate }),
        lawyer('z', { recentDuties: 0, lastDutyOn: '2026-10-01' as LocalDate }),
      ],
      rules: RULES,
      policy: { maxPerWeek: 3 },
    });
    expect(plan.map((s) => s.handlerId)).toEqual(['z', 'y', 'z']);
  });

  it('leaves a slot empty with its reason when nobody may take it', () => {
    const plan = planRoster({
      station: STATION,
      slots: weekSlots(WEEK, HOURS).slice(0, 1),
      candidates: [lawyer('a', { status: 'exited' })],
      rules: RULES,
      policy: { maxPerWeek: 3 },
    });
    expect(plan[0]).toMatchObject({ handlerId: null, reasons: [{ code: 'DUTY_NO_ELIGIBLE' }] });
    expect(plan[0]?.excluded[0]?.reasons.find((r) => r.blocking)?.code).toBe('HANDLER_EXITED');
  });

  it('property: never over capacity, never two places at once, the same input gives the same roster', () => {
    const candidate = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      recentDuties: fc.nat(6),
      dutiesThisWeek: fc.nat(3),
      status: fc.constantFrom('active', 'active', 'suspended'),
      kind: fc.constantFrom('social_lawyer', 'public_lawyer', 'volunteer'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        (cs, max) => {
          const candidates = cs.map((c) => lawyer(c.id, c as Partial<DutyCandidate>));
          const input = {
            station: STATION,
            slots: weekSlots(WEEK, HOURS),
            candidates,
            rules: RULES,
            policy: { maxPerWeek: max },
          };
          const plan = planRoster(input);
          expect(planRoster({ ...input, candidates: [...candidates].reverse() })).toEqual(plan);
          for (const c of candidates) {
            const held = plan.filter((s) => s.handlerId === c.id);
            expect(held.length + c.dutiesThisWeek).toBeLessThanOrEqual(Math.max(max, c.dutiesThisWeek));
            if (held.length > 0) {
              expect(c.status).toBe('active');
              expect(['social_lawyer', 'public_lawyer', 'centre_lawyer']).toContain(c.kind);
            }
            expect(new Set(held.map((s) => `${s.date}|${s.shift}`)).size).toBe(held.length);
          }
        },
      ),
    );
  });

  it('asks for the plea fields only on a plea-signing presence (CPL art.174)', () => {
    expect(missingPleaFields({ serviceTypes: ['legal_consultation'] })).toEqual([]);
    expect(
      missingPleaFields({
        serviceTypes: ['plea_signing_presence'],
        institutionCaseNumber: 'x',
        plea: { prosecutor: 'p', charges: ['盗窃罪'], opinion: 'agree' },
      }),
    ).toEqual([]);
    expect(missingPleaFields({ serviceTypes: ['plea_signing_presence'] })).toHaveLength(4);
  });

  it('ships every service type of the 2020 measures as a cited rule row', () => {
    const rows = LIST_ITEMS.filter((i) => i.list === 'duty_service_type');
    expect(rows.map((r) => r.nameZh)).toEqual([
      '法律咨询',
      '程序选择建议',
      '申请变更强制措施',
      '对案件处理提出意见',
      '帮助申请法律援助',
      '认罪认罚具结书签署在场',
      '会见',
      '阅卷',
    ]);
    for (const r of rows) expect(r.citation).toMatch(/^(LAL|CPL) art\.\d+$/);
  });
});
