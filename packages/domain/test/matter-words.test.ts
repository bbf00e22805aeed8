import { describe, expect, it } from 'vitest';
import { caseMatterName, findMatters, LIST_ITEMS, MATTERS, matterSynonyms } from '../src/index.ts';

// The shipped rows: the catalogue (national, then Beijing's) and the list rows beside it.
const catalogue = [...new Map(MATTERS.map((m) => [m.code, m])).values()];
const synonyms = matterSynonyms(LIST_ITEMS);
const found = (query: string) => findMatters(query, catalogue, synonyms).map((m) => m.code);

describe('matter search understands callers’ words (list matter_synonym)', () => {
  it.each([
    ['工资', 'labour_remuneration'],
    ['欠薪', 'labour_remuneration'],
    ['公司拖欠工资三个月', 'labour_remuneration'],
    ['工伤', 'personal_injury_work'],
    ['家暴', 'domestic_violence_protection'],
    ['抚养费', 'maintenance'],
    ['赡养', 'maintenance'],
    ['unpaid wages', 'labour_remuneration'],
  ])('%s finds %s first', (query, code) => {
    expect(found(query)[0]).toBe(code);
  });

  it('离婚 finds both matters a divorce brings to legal aid', () => {
    expect(found('离婚')).toEqual(expect.arrayContaining(['maintenance', 'domestic_violence_protection']));
  });

  it('a word no matter knows finds nothing, and the catalogue name still works', () => {
    expect(found('股票')).toEqual([]);
    expect(found('劳动报酬')).toEqual(['labour_remuneration']);
  });

  it('every synonym row names a matter of the catalogue and says it is not law', () => {
    const rows = LIST_ITEMS.filter((r) => r.list === 'matter_synonym');
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(catalogue.map((m) => m.code)).toContain(row.code);
      expect(row.citation).toBe('Fayuan editorial, not law');
    }
  });
});

describe('a notified case’s matter (list notified_matter, LAL art.25, 28, 36)', () => {
  it('reads 通知辩护 or 通知代理, while an application for defence keeps the catalogue name', () => {
    expect(
      caseMatterName(
        { channel: 'criminal_notice', matter: 'criminal_defense' },
        catalogue,
        LIST_ITEMS,
        'zh-CN',
      ),
    ).toBe('通知辩护');
    expect(
      caseMatterName(
        { channel: 'criminal_notice', matter: 'compulsory_medical_treatment' },
        catalogue,
        LIST_ITEMS,
        'zh-CN',
      ),
    ).toBe('通知代理');
    expect(
      caseMatterName({ channel: 'forwarded', matter: 'criminal_defense' }, catalogue, LIST_ITEMS, 'zh-CN'),
    ).toBe('刑事案件犯罪嫌疑人、被告人申请辩护');
    expect(
      caseMatterName(
        { channel: 'criminal_notice', matter: 'criminal_defense' },
        catalogue,
        LIST_ITEMS,
        'en-US',
      ),
    ).toBe('Notified defence');
  });
});
