import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  buildCalendar,
  CALENDAR_CN,
  CALENDAR_YEARS,
  CASE_TYPES,
  checklistFor,
  closingMaterialsFor,
  DOCUMENT_KINDS,
  effectiveByKey,
  evaluateChecklist,
  EVIDENCE_ACTIVITY_KINDS,
  LIST_ITEMS,
  localDate,
  PERIODS,
  percentScore,
  SERVICE_STANDARD_CODE_PATTERN,
  SERVICE_STANDARD_ITEMS,
  SERVICE_STANDARD_SOURCES,
  type ChecklistEvidence,
  type ChecklistJudgement,
  type ServiceStandardItem,
} from '../src/index.ts';

const calendar = buildCalendar(CALENDAR_CN, CALENDAR_YEARS);
const ON = localDate('2026-12-01');
const criminal = checklistFor(SERVICE_STANDARD_ITEMS, 'criminal', ON);
const closingList = (on = ON) => [
  ...effectiveByKey(
    LIST_ITEMS.filter((i) => i.list === 'closing_material'),
    ['000000'],
    on,
    (i) => i.code,
  ).values(),
];

/** A criminal defence assigned the day before 国庆 2026 (10-01…10-07 off, State Council notice). */
const buildEvidence = (overrides: Partial<ChecklistEvidence> = {}): ChecklistEvidence => ({
  assignedAt: '2026-09-27T09:00:00+08:00',
  activities: [
    { kind: 'agreement_signed', occurredAt: '2026-10-08T10:00:00+08:00' },
    { kind: 'meeting', status: 'done', occurredAt: '2026-10-09T14:00:00+08:00' },
    { kind: 'file_reading', status: 'scheduled', occurredAt: '2026-12-20T09:00:00+08:00' },
    { kind: 'hearing', status: 'held', occurredAt: '2026-11-20T09:30:00+08:00' },
  ],
  documents: ['assignment_letter', 'meeting_letter'],
  closingMaterials: ['legal_document', 'aid_agreement', 'defence_opinion'],
  ...overrides,
});

describe('service-standard checklist rows (SF/T 0032, SF/T 0058-2019, LAL)', () => {
  it('every row has its id, a citation, a whole positive weight and known evidence codes', () => {
    const closingCodes = new Set(LIST_ITEMS.filter((i) => i.list === 'closing_material').map((i) => i.code));
    for (const row of SERVICE_STANDARD_ITEMS) {
      expect(row.id).toMatch(new RegExp(`^cn\\.service_standard\\.${row.code.replace('.', '\\.')}\\.v\\d+$`));
      expect(row.jurisdiction).toBe('000000');
      // The rule table's key (the server's `service_standard` data schema checks the same pattern).
      expect(row.code).toMatch(SERVICE_STANDARD_CODE_PATTERN);
      expect(SERVICE_STANDARD_SOURCES).toContain(row.standard);
      expect(row.citation.length).toBeGreaterThan(0);
      expect(Number.isSafeInteger(row.weight) && row.weight > 0).toBe(true);
      const ev = row.evidence;
      if (ev.kind === 'activity')
        for (const k of ev.activityKinds) expect(EVIDENCE_ACTIVITY_KINDS).toContain(k);
      if (ev.kind === 'document') for (const k of ev.documentKinds) expect(DOCUMENT_KINDS).toContain(k);
      if (ev.kind === 'closing_material') for (const c of ev.codes) expect(closingCodes.has(c)).toBe(true);
    }
  });

  it('cites SF/T 0032-2023 only by the sections facts.md §3 gives, the 2019 standards by number alone', () => {
    const sections = new Set(['8.5', '8.6', '10', '11.4', '附录A']);
    for (const row of SERVICE_STANDARD_ITEMS)
      for (const clause of row.citation.split('; ')) {
        const sft = /^SF\/T (\d{4}-\d{4})(?: (.+))?$/.exec(clause);
        if (!sft) {
          expect(clause).toMatch(/^(LAL art\.\d+|MOJ procedure rules 2023 art\.27)$/);
          continue;
        }
        if (sft[1] === '0032-2023') expect(sections.has(sft[2] ?? '')).toBe(true);
        else expect(sft[2]).toBeUndefined();
      }
  });

  it('has a time limit only where a binding source gives one: the agreement, as the period row', () => {
    const timed = SERVICE_STANDARD_ITEMS.filter((r) => r.withinDays !== undefined);
    const agreement = PERIODS.find((p) => p.kind === 'agreement_signing');
    expect(timed.map((r) => [r.code, r.withinDays, r.periodCitation, r.periodKind])).toEqual([
      ['sign_agreement', agreement?.amount, 'MOJ procedure rules 2023 art.27', 'agreement_signing'],
    ]);
    expect(agreement?.amount).toBe(5);
  });

  it('one row per code in force on any day (spans do not overlap)', () => {
    const codes = [...new Set(SERVICE_STANDARD_ITEMS.map((r) => r.code))];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.constantFrom(...codes), (offset, code) => {
        const day = addDays(localDate('2021-06-01'), offset);
        const live = SERVICE_STANDARD_ITEMS.filter(
          (r) =>
            r.code === code && r.effectiveFrom <= day && (r.effectiveTo === null || day <= r.effectiveTo),
        );
        expect(live.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('asks at closing for what the closing_material list requires, and nothing it does not list', () => {
    for (const caseType of CASE_TYPES)
      for (const terminated of [false, true]) {
        const materials = closingMaterialsFor(closingList(), { caseType, terminated });
        const asked = new Set(
          checklistFor(SERVICE_STANDARD_ITEMS, caseType, ON)
            .filter((i) => i.when === undefined || (i.when === 'terminated') === terminated)
            .flatMap((i) => (i.evidence.kind === 'closing_material' ? i.evidence.codes : [])),
        );
        for (const m of materials.filter((m) => m.required)) expect(asked.has(m.code)).toBe(true);
        for (const code of asked) expect(materials.map((m) => m.code)).toContain(code);
      }
  });
});

describe('checklistFor', () => {
  it('gives the SF/T 0032-2023 items from 2024-06-01, the 2019 ones before, none before the LAL', () => {
    expect(criminal.map((i) => [i.stage, i.code, i.citation])).toEqual([
      ['acceptance', 'sign_agreement', 'MOJ procedure rules 2023 art.27'],
      ['handling', 'criminal.attend_hearing', 'SF/T 0032-2023 8.5'],
      ['handling', 'criminal.defence_opinion', 'SF/T 0032-2023 8.5; LAL art.50'],
      ['handling', 'criminal.meet_client', 'SF/T 0032-2023 8.5'],
      ['handling', 'criminal.read_file', 'SF/T 0032-2023 8.5'],
      ['handling', 'criminal.work_quality', 'SF/T 0032-2023 11.4; LAL art.59'],
      ['handling', 'keep_informed', 'LAL art.46'],
      ['closing', 'criminal.closing_files', 'SF/T 0032-2023 10; SF/T 0032-2023 附录A; LAL art.50'],
      ['closing', 'criminal.closing_files_terminated', 'SF/T 0032-2023 10; SF/T 0032-2023 附录A; LAL art.50'],
      ['closing', 'criminal.termination_decision', 'SF/T 0032-2023 8.6; LAL art.48'],
      ['closing', 'termination_reported', 'LAL art.48'],
    ]);
    const before = checklistFor(SERVICE_STANDARD_ITEMS, 'criminal', localDate('2024-05-31'));
    expect(before.find((i) => i.code === 'criminal.meet_client')?.id).toBe(
      'cn.service_standard.criminal.meet_client.v1',
    );
    expect(before.find((i) => i.code === 'criminal.meet_client')?.citation).toBe('SF/T 0032-2019');
    expect(criminal.find((i) => i.code === 'criminal.meet_client')?.id).toBe(
      'cn.service_standard.criminal.meet_client.v2',
    );
    expect(checklistFor(SERVICE_STANDARD_ITEMS, 'criminal', localDate('2021-12-31'))).toEqual([]);
  });

  it('gives civil and administrative cases the SF/T 0058-2019 litigation items, and an unlisted type none', () => {
    const civil = checklistFor(SERVICE_STANDARD_ITEMS, 'civil', ON).map((i) => i.code);
    expect(civil).toEqual(checklistFor(SERVICE_STANDARD_ITEMS, 'administrative', ON).map((i) => i.code));
    expect(civil.filter((c) => c.startsWith('litigation.'))).toHaveLength(6);
    expect(checklistFor(SERVICE_STANDARD_ITEMS, 'non_litigation', ON).map((i) => i.code)).toEqual([
      'sign_agreement',
      'keep_informed',
      'non_litigation.act_on_matter',
      'non_litigation.meet_client',
      'non_litigation.work_quality',
      'non_litigation.closing_files',
      'termination_reported',
    ]);
    expect(checklistFor(SERVICE_STANDARD_ITEMS, 'notarial', ON)).toEqual([]);
  });

  it('takes the latest version of a code in force, whatever the order of the rows', () => {
    const v1 = SERVICE_STANDARD_ITEMS.find(
      (r) => r.id === 'cn.service_standard.keep_informed.v1',
    ) as ServiceStandardItem;
    const v2: ServiceStandardItem = {
      ...v1,
      id: 'cn.service_standard.keep_informed.v2',
      weight: 5,
      effectiveFrom: localDate('2026-07-01'),
    };
    for (const rows of [
      [v1, v2],
      [v2, v1],
    ]) {
      expect(checklistFor(rows, 'civil', localDate('2026-06-30')).map((r) => r.id)).toEqual([v1.id]);
      expect(checklistFor(rows, 'civil', localDate('2026-07-01')).map((r) => r.id)).toEqual([v2.id]);
    }
  });
});

describe('evaluateChecklist: worked example (criminal defence, 2026)', () => {
  it('scores the record and leaves the total open while a judgement awaits', () => {
    const result = evaluateChecklist(criminal, buildEvidence(), { keep_informed: { met: true } }, calendar);
    expect(result.items.map((i) => [i.code, i.status, i.earned])).toEqual([
      // Assigned 09-27: day 5 is 10-02, a holiday; the period runs to the end of 10-08 (民法典 art.203).
      ['sign_agreement', 'evidenced', 10],
      ['criminal.attend_hearing', 'evidenced', 10],
      ['criminal.defence_opinion', 'evidenced', 15],
      ['criminal.meet_client', 'evidenced', 15],
      // Only scheduled: not evidence.
      ['criminal.read_file', 'missing', 0],
      ['criminal.work_quality', 'awaiting_judgement', 0],
      ['keep_informed', 'judged_met', 10],
      ['criminal.closing_files', 'missing', 0],
    ]);
    const sign = result.items[0];
    expect(sign).toMatchObject({
      dueAt: '2026-10-08T23:59:59.999+08:00',
      timing: 'on_time',
      evidence: 'agreement_signed 2026-10-08T10:00:00+08:00',
      periodCitation: 'MOJ procedure rules 2023 art.27',
    });
    expect(result.items.find((i) => i.code === 'criminal.closing_files')?.missing).toEqual([
      'meeting_record',
    ]);
    expect(result.score).toEqual({
      recordEarned: 50,
      recordPossible: 70,
      recordScore: 71, // 71.43
      judgementEarned: 10,
      judgementPossible: 10,
      judgementScore: 100,
      awaitingJudgement: 1,
      totalScore: null,
    });
    expect(result.ignoredJudgements).toEqual([]);
  });

  it('totals once judged; a reviewer may mark an item not applicable, with the reason', () => {
    const judged = evaluateChecklist(
      criminal,
      buildEvidence(),
      {
        keep_informed: { met: true },
        'criminal.work_quality': { met: false, note: '辩护意见未回应主要证据' },
      },
      calendar,
    );
    expect(judged.score).toMatchObject({ judgementScore: 33, totalScore: 60 }); // 10/30; 60/100
    const withNa = evaluateChecklist(
      criminal,
      buildEvidence(),
      {
        keep_informed: { met: true },
        'criminal.work_quality': { met: false },
        'criminal.read_file': { notApplicable: true, note: '侦查阶段终结，无从阅卷' },
      },
      calendar,
    );
    expect(withNa.items.find((i) => i.code === 'criminal.read_file')).toMatchObject({
      status: 'not_applicable',
      note: '侦查阶段终结，无从阅卷',
    });
    expect(withNa.score).toMatchObject({ recordPossible: 60, recordScore: 83, totalScore: 67 }); // 50/60; 60/90
  });

  it('a terminated case is checked on the termination items instead', () => {
    const result = evaluateChecklist(
      criminal,
      buildEvidence({
        terminated: true,
        documents: ['termination_decision'],
        closingMaterials: ['aid_agreement'],
      }),
      { termination_reported: { met: true } },
      calendar,
    );
    const codes = result.items.map((i) => i.code);
    expect(codes).not.toContain('criminal.defence_opinion');
    expect(codes).not.toContain('criminal.closing_files');
    expect(result.items.find((i) => i.code === 'criminal.termination_decision')).toMatchObject({
      status: 'evidenced',
      evidence: 'termination_decision',
    });
    expect(result.items.find((i) => i.code === 'criminal.closing_files_terminated')?.status).toBe(
      'evidenced',
    );
  });

  it('an agreement after the due time is late and earns nothing', () => {
    const late = buildEvidence({
      activities: [{ kind: 'agreement_signed', occurredAt: '2026-10-09T08:00:00+08:00' }],
    });
    const sign = evaluateChecklist(criminal, late, {}, calendar).items[0];
    expect(sign).toMatchObject({ status: 'late', timing: 'late', earned: 0 });
  });

  it('the recipient’s delay is not counted (MOJ procedure rules 2023 art.27)', () => {
    const delayed = buildEvidence({
      activities: [
        { kind: 'recipient_delay', occurredAt: '2026-09-28T10:00:00+08:00' },
        { kind: 'recipient_delay_ended', occurredAt: '2026-10-12T10:00:00+08:00' },
        { kind: 'agreement_signed', occurredAt: '2026-10-15T10:00:00+08:00' },
      ],
    });
    const sign = evaluateChecklist(criminal, delayed, {}, calendar).items[0];
    expect(sign?.status).toBe('evidenced');
    expect(sign?.dueAt).toBe('2026-10-16T23:59:59.999+08:00'); // 1 day before the delay, 4 after
    const undelayed = buildEvidence({ activities: delayed.activities.slice(2) });
    expect(evaluateChecklist(criminal, undelayed, {}, calendar).items[0]?.status).toBe('late');
  });

  it('prefers the clock’s due time, and says so when it cannot check the time at all', () => {
    const clock = buildEvidence({ dueAt: { agreement_signing: '2026-10-07T23:59:59.999+08:00' } });
    expect(evaluateChecklist(criminal, clock, {}, calendar).items[0]?.status).toBe('late');
    const unchecked = evaluateChecklist(criminal, buildEvidence(), {}).items[0];
    expect(unchecked).toMatchObject({ status: 'evidenced', timing: 'unchecked', earned: 10 });
    expect(unchecked?.dueAt).toBeUndefined();
  });

  it('names the judgements it could not use', () => {
    const result = evaluateChecklist(
      criminal,
      buildEvidence(),
      { 'criminal.meet_client': { met: false }, nonsense: { met: true }, keep_informed: { met: true } },
      calendar,
    );
    expect(result.ignoredJudgements).toEqual(['criminal.meet_client', 'nonsense']);
    expect(result.items.find((i) => i.code === 'criminal.meet_client')?.status).toBe('evidenced');
  });

  it('scores stay in 0–100 and the total lies between the record and judgement scores', () => {
    const statuses = fc.array(fc.constantFrom('met', 'unmet', 'na', 'none'), {
      minLength: criminal.length,
      maxLength: criminal.length,
    });
    fc.assert(
      fc.property(
        statuses,
        fc.subarray(['legal_document', 'aid_agreement', 'meeting_record', 'defence_opinion']),
        (js, materials) => {
          const judgements: Record<string, ChecklistJudgement> = Object.fromEntries(
            criminal.flatMap((item, i): [string, ChecklistJudgement][] => {
              const j = js[i];
              if (j === 'none') return [];
              if (j === 'na') return [[item.code, { notApplicable: true as const, note: 'n/a' }]];
              return item.evidence.kind === 'judgement' ? [[item.code, { met: j === 'met' }]] : [];
            }),
          );
          const { score } = evaluateChecklist(
            criminal,
            buildEvidence({ closingMaterials: materials }),
            judgements,
            calendar,
          );
          for (const s of [score.recordScore, score.judgementScore, score.totalScore])
            if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
          if (score.totalScore !== null && score.recordScore !== null && score.judgementScore !== null) {
            expect(score.totalScore).toBeGreaterThanOrEqual(
              Math.min(score.recordScore, score.judgementScore) - 1,
            );
            expect(score.totalScore).toBeLessThanOrEqual(
              Math.max(score.recordScore, score.judgementScore) + 1,
            );
          }
        },
      ),
    );
  });

  it('percentScore rounds half up in integers', () => {
    expect([
      percentScore(1, 8),
      percentScore(1, 3),
      percentScore(2, 3),
      percentScore(0, 5),
      percentScore(5, 5),
    ]).toEqual([13, 33, 67, 0, 100]);
    expect(percentScore(0, 0)).toBeNull();
  });
});
