import { describe, expect, it } from 'vitest';
import {
  closingMaterialsFor,
  closingRuleVersion,
  LIST_ITEMS,
  missingClosingMaterials,
  type ListItemRule,
} from '../src/index.ts';

/** What a closing must carry (LAL art.50), read from the shipped `closing_material` rows. */
const SHIPPED = LIST_ITEMS.filter((i) => i.list === 'closing_material');
const required = (caseType: string, terminated = false) =>
  closingMaterialsFor(SHIPPED, { caseType, terminated })
    .filter((m) => m.required)
    .map((m) => m.code);

describe('closing materials by case type', () => {
  it('a criminal defence hands in the legal document, the agreement, meeting records and the defence opinion', () => {
    expect(required('criminal')).toEqual([
      'aid_agreement',
      'defence_opinion',
      'legal_document',
      'meeting_record',
    ]);
    // File reading is listed, not required: the defence reads the file only from the review for prosecution on.
    const all = closingMaterialsFor(SHIPPED, { caseType: 'criminal', terminated: false });
    expect(all.find((m) => m.code === 'file_reading_record')).toMatchObject({ required: false });
    expect(all.map((m) => m.code)).not.toContain('representation_opinion');
  });

  it('a civil or administrative case needs the legal document and the agreement; the opinion is optional', () => {
    for (const caseType of ['civil', 'administrative']) {
      expect(required(caseType)).toEqual(['aid_agreement', 'legal_document']);
      const all = closingMaterialsFor(SHIPPED, { caseType, terminated: false }).map((m) => m.code);
      expect(all).toContain('representation_opinion');
      expect(all).not.toContain('meeting_record');
    }
  });

  it('a terminated case asks for fewer: only what stays required on termination', () => {
    expect(required('criminal', true)).toEqual(['aid_agreement']);
    expect(required('civil', true)).toEqual(['aid_agreement']);
    // The rest stays listed, so the work done can still be handed in.
    expect(closingMaterialsFor(SHIPPED, { caseType: 'criminal', terminated: true })).toHaveLength(5);
  });

  it('every row cites LAL art.50, and none names an article of the MOJ rules (to be confirmed)', () => {
    for (const row of SHIPPED) {
      expect(row.citation).toMatch(/^LAL art\.50\b/);
      expect(row.citation).not.toMatch(/MOJ[^;]*art\./);
    }
  });
});

describe('missing materials and the rule version', () => {
  const materials = closingMaterialsFor(SHIPPED, { caseType: 'criminal', terminated: false });

  it('lists every required material without a file, and never an optional one', () => {
    expect(missingClosingMaterials(materials, new Set()).map((m) => m.code)).toEqual([
      'aid_agreement',
      'defence_opinion',
      'legal_document',
      'meeting_record',
    ]);
    expect(
      missingClosingMaterials(materials, new Set(['legal_document', 'meeting_record'])).map((m) => m.code),
    ).toEqual(['aid_agreement', 'defence_opinion']);
    expect(
      missingClosingMaterials(
        materials,
        new Set(['legal_document', 'aid_agreement', 'meeting_record', 'defence_opinion']),
      ),
    ).toEqual([]);
  });

  it('reads a row added by an administrator with its own case types', () => {
    const extra: ListItemRule = {
      ...SHIPPED[0]!,
      id: 'bj.closing_material.visit_record.v1',
      jurisdiction: '110000',
      code: 'visit_record',
      params: { requiredFor: 'civil , administrative', required: true },
    };
    expect(required('civil').length + 1).toBe(
      closingMaterialsFor([...SHIPPED, extra], { caseType: 'civil', terminated: false }).filter(
        (m) => m.required,
      ).length,
    );
    expect(closingMaterialsFor([extra], { caseType: 'criminal', terminated: false })).toEqual([]);
    // Not required on termination unless the row says so.
    expect(closingMaterialsFor([extra], { caseType: 'civil', terminated: true })[0]?.required).toBe(false);
  });

  it('orders required first, then by code, however the rows are stored', () => {
    expect(closingMaterialsFor([...SHIPPED].reverse(), { caseType: 'criminal', terminated: false })).toEqual(
      materials,
    );
    expect(materials.map((m) => m.required)).toEqual([true, true, true, true, false]);
  });

  it('names the rows it read: another version gives another fingerprint', () => {
    const version = closingRuleVersion(materials);
    expect(version).toMatch(/^rv-[0-9a-f]{8}$/);
    const next = materials.map((m, i) => (i === 0 ? { ...m, ruleId: m.ruleId.replace('.v1', '.v2') } : m));
    expect(closingRuleVersion(next)).not.toBe(version);
    expect(closingRuleVersion([...materials].reverse())).toBe(version);
  });
});
