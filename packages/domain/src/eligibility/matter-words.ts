/**
 * Finding a matter from the words a caller uses (欠薪 → 请求确认劳动关系或者支付劳动报酬): the
 * catalogue's names, its code, and the rows of the list `matter_synonym` (one row per matter,
 * words separated by 、 in Chinese and , in English). Pure: the rows are passed in.
 */
export interface MatterName {
  code: string;
  nameZh: string;
  nameEn: string;
}

interface ListRow {
  list: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

const split = (text: string) =>
  text
    .split(/[、，,;；]/)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0);

/** Matter code → the words of its `matter_synonym` row (both languages). */
export function matterSynonyms(rows: readonly ListRow[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of rows) {
    if (row.list !== 'matter_synonym') continue;
    out.set(row.code, [...(out.get(row.code) ?? []), ...split(row.nameZh), ...split(row.nameEn)]);
  }
  return out;
}

/**
 * Whether the query names the matter: part of its name or code, or one of its words; a longer
 * query that holds one of the words (公司拖欠工资三个月 holds 拖欠工资) also finds it.
 */
export function matterMatches(
  query: string,
  matter: MatterName,
  synonyms: ReadonlyMap<string, string[]>,
): boolean {
  const q = query.trim().toLowerCase();
  if (q.length === 0) return true;
  if (`${matter.nameZh} ${matter.nameEn} ${matter.code}`.toLowerCase().includes(q)) return true;
  return (synonyms.get(matter.code) ?? []).some((w) => w.includes(q) || (w.length >= 2 && q.includes(w)));
}

/** The matters the query finds, those whose name holds it first, then those found by a word. */
export function findMatters<M extends MatterName>(
  query: string,
  matters: readonly M[],
  synonyms: ReadonlyMap<string, string[]>,
): M[] {
  const q = query.trim().toLowerCase();
  const byName = (m: M) => `${m.nameZh} ${m.nameEn} ${m.code}`.toLowerCase().includes(q);
  const found = matters.filter((m) => matterMatches(q, m, synonyms));
  return [...found.filter(byName), ...found.filter((m) => !byName(m))];
}

/**
 * A case's matter as a person reads it: a case opened on a police, procuratorate or court notice
 * is named by the list `notified_matter` (通知辩护, 通知代理: LAL art.25, 28, 36), not by the
 * catalogue's name for an application (申请辩护); otherwise the catalogue's name. Undefined when
 * neither list names it.
 */
export function caseMatterName(
  kase: { channel: string; matter: string },
  matters: readonly MatterName[],
  lists: readonly ListRow[],
  locale: 'zh-CN' | 'en-US',
): string | undefined {
  const pick = (row: { nameZh: string; nameEn: string }) => (locale === 'en-US' ? row.nameEn : row.nameZh);
  if (kase.channel === NOTICE_CHANNEL) {
    const notified = lists.find((r) => r.list === 'notified_matter' && r.code === kase.matter);
    if (notified) return pick(notified);
  }
  const matter = matters.find((m) => m.code === kase.matter);
  return matter ? pick(matter) : undefined;
}

/** The channel of a case opened on a criminal notice (LAL art.36). */
export const NOTICE_CHANNEL = 'criminal_notice';
