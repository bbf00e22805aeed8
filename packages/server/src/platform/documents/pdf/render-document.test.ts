import { describe, expect, it } from 'vitest';
import type { LocalDate } from '@fayuan/domain';
import { readPdf, withoutSpace, type PdfText } from '../../../../test/pdf-text.ts';
import { layoutDocument, RENDERABLE_KINDS, renderDocument, UnrenderableTextError } from './index.ts';
import { textsOf } from './layout.ts';
import { SAMPLES } from './samples.ts';
import type { DocumentDataByKind, RenderableKind } from './types.ts';

const build = <K extends RenderableKind>(kind: K, overrides: Partial<DocumentDataByKind[K]> = {}) => ({
  ...SAMPLES[kind],
  ...overrides,
});

async function render<K extends RenderableKind>(kind: K, data: DocumentDataByKind[K], locale?: 'en-US') {
  const bytes = await renderDocument(kind, data, locale);
  return { bytes, pdf: await readPdf(bytes) };
}

const contains = (pdf: PdfText, text: string) => expect(pdf.text).toContain(withoutSpace(text));

describe('renderDocument: every kind', () => {
  it.each(RENDERABLE_KINDS)('%s prints every text it was given, in the embedded font', async (kind) => {
    const data = SAMPLES[kind];
    const { bytes, pdf } = await render(kind, data);
    const layout = layoutDocument(kind, data);

    // Read back by an independent parser: each string the layout holds, character for character.
    // A missing glyph would come back as U+0000 or be dropped, and the string would not be found.
    for (const text of textsOf(layout)) contains(pdf, text);
    expect(pdf.text).not.toContain('\u0000');
    expect(pdf.text).not.toContain('\uFFFD');
    expect(pdf.info.Title).toBe(`${layout.title} ${data.number}`);

    // The Chinese font is embedded as a subset; no standard PDF font is referenced.
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(raw).toContain('/FontFile3');
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });

  it.each(RENDERABLE_KINDS)(
    '%s reads as an official document: centred title, number, signature at right',
    async (kind) => {
      const { pdf } = await render(kind, SAMPLES[kind]);
      const layout = layoutDocument(kind, SAMPLES[kind]);
      const find = (str: string) => {
        const item = pdf.items.find((i) => withoutSpace(i.str) === withoutSpace(str));
        if (!item) throw new Error(`no text run "${str}"`);
        return item;
      };
      const title = find(layout.title);
      const number = find(layout.number);
      const centre = find(layout.signature.centre);
      const date = find(layout.signature.date);
      const middle = pdf.pageWidth / 2;

      // Centred in the text block, whose margins differ by 2 mm (GB/T 9704: 28 mm left, 26 mm right).
      expect(Math.abs(title.x + title.width / 2 - middle)).toBeLessThan(6);
      expect(number.y).toBeLessThan(title.y);
      const runs = pdf.items.filter((i) => i.str.trim());
      expect(runs.indexOf(number)).toBe(runs.indexOf(title) + 1);
      for (const right of [centre, date, find(layout.signature.seal)]) {
        expect(right.x).toBeGreaterThan(middle);
        expect(right.y).toBeLessThan(number.y);
      }
      expect(date.y).toBeLessThan(centre.y);
      expect(pdf.pages).toBe(1);
    },
  );

  it('gives the same bytes for the same input, dated by the document', async () => {
    const first = await renderDocument('grant_decision', SAMPLES.grant_decision);
    const second = await renderDocument('grant_decision', structuredClone(SAMPLES.grant_decision));
    expect(first.equals(second)).toBe(true);
    expect((await readPdf(first)).info.CreationDate).toBe('D:20260305160000Z');
  });
});

describe('renderDocument: the content each kind must carry', () => {
  it('a receipt lists every material received, the time received and the review deadline', async () => {
    const { pdf } = await render('receipt', SAMPLES.receipt);
    contains(pdf, '法律援助申请材料接收凭证');
    contains(pdf, '京朝法援收〔2026〕第00123号');
    for (const material of SAMPLES.receipt.materials) contains(pdf, material.name);
    contains(pdf, '2026年3月2日 10:15'); // 02:15 UTC is 10:15 in Beijing
    contains(pdf, '窗口申请');
    contains(
      pdf,
      '本中心将于2026年3月9日前审查并作出是否给予法律援助的决定（《中华人民共和国法律援助法》第四十三条）',
    );
    contains(pdf, '联系电话：010-65090000');
  });

  it('a supplement notice lists every missing item at once, the due date and deemed withdrawal', async () => {
    const missingItems = Array.from({ length: 12 }, (_, i) => ({ name: `补充材料第${i + 1}项` }));
    const { pdf } = await render('supplement_notice', build('supplement_notice', { missingItems }));
    contains(pdf, '补充材料通知书');
    for (const item of missingItems) contains(pdf, item.name);
    contains(pdf, '请于2026年3月19日前');
    contains(pdf, '逾期未补充材料或者作出说明的，视为撤回申请。');
    contains(pdf, '根据《中华人民共和国法律援助法》第四十三条第二款的规定，现一次性告知');
  });

  it('a grant decision names the matter, the form of aid, its basis, the assignment period and the seal', async () => {
    const data = build('grant_decision', { number: '京朝法援〔2026〕第00123号' });
    const { pdf } = await render('grant_decision', data);
    contains(pdf, '给予法律援助决定书');
    contains(pdf, '京朝法援〔2026〕第00123号');
    contains(
      pdf,
      '根据《中华人民共和国法律援助法》第三十一条、第三十四条、第四十三条的规定，决定给予你法律援助',
    );
    contains(pdf, '劳动争议仲裁代理');
    contains(pdf, '自本决定作出之日起3日内指派法律援助人员');
    contains(pdf, '北京市朝阳区法律援助中心（印章）2026年3月6日');
  });

  it('a refusal decision gives each reason with its citation and the right to object to the bureau', async () => {
    const { pdf } = await render('refusal_decision', SAMPLES.refusal_decision);
    contains(pdf, '不予法律援助决定书');
    contains(
      pdf,
      '申请事项不属于法律援助范围（依据：《中华人民共和国法律援助法》第三十一条、《北京市法律援助条例》第十条）',
    );
    contains(pdf, '不符合经济困难标准（依据：《中华人民共和国法律援助法》第三十四条）');
    contains(
      pdf,
      '自收到本决定书之日起15日内，向北京市朝阳区司法局提出（《中华人民共和国法律援助法》第四十九条、《北京市法律援助条例》第二十四条）',
    );
  });

  it('prints periods and citations as given, never its own', async () => {
    const grant = build('grant_decision', { assignment: { withinDays: 5, basis: ['某条例第九条'] } });
    contains((await render('grant_decision', grant)).pdf, '依照某条例第九条的规定，自本决定作出之日起5日内');
    const refusal = build('refusal_decision', {
      objection: { bureau: '某区司法局', withinDays: 30, basis: ['某条例第八条'] },
    });
    contains((await render('refusal_decision', refusal)).pdf, '30日内，向某区司法局提出（某条例第八条）');
  });

  it('renders in English with the data as given', async () => {
    const { pdf } = await render('refusal_decision', SAMPLES.refusal_decision, 'en-US');
    contains(pdf, 'Decision to Refuse Legal Aid');
    contains(pdf, '京朝法援不〔2026〕第00017号');
    contains(pdf, 'within 15 days of receiving it');
    contains(pdf, '6 March 2026');
  });
});

describe('renderDocument: refusals', () => {
  it('refuses text the font cannot draw instead of printing an empty box', async () => {
    const data = build('receipt', { applicant: { name: '张𠮷' } });
    const error = await renderDocument('receipt', data).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnrenderableTextError);
    expect((error as UnrenderableTextError).characters).toEqual(['𠮷']);
  });

  it('draws the names a hardship applicant may have outside GB 2312', async () => {
    const data = build('receipt', { applicant: { name: '王喆堃龑' } });
    contains((await render('receipt', data)).pdf, '王喆堃龑：');
  });

  it('will not issue a supplement notice without items or a refusal without reasons', () => {
    expect(() =>
      layoutDocument('supplement_notice', build('supplement_notice', { missingItems: [] })),
    ).toThrow(/at least one missing item/);
    expect(() => layoutDocument('refusal_decision', build('refusal_decision', { reasons: [] }))).toThrow(
      /at least one reason/,
    );
  });

  it('formats dates in Beijing time whatever the server zone', () => {
    const late = build('receipt', { receivedAt: new Date('2026-03-01T16:30:00Z') });
    const layout = layoutDocument('receipt', late);
    expect(textsOf(layout)).toContain('2026年3月2日 00:30');
    expect(
      layoutDocument('receipt', build('receipt', { issuedOn: '2026-12-31' as LocalDate })).signature.date,
    ).toBe('2026年12月31日');
  });
});
