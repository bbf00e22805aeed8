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

  it.each([
    ['assignment_letter', 'D:20260310160000Z'],
    ['meeting_letter', 'D:20260310160000Z'],
    ['handler_change_notice', 'D:20260407160000Z'],
  ] as const)('%s gives the same bytes for the same input, created at %s', async (kind, createdAt) => {
    const first = await renderDocument(kind, SAMPLES[kind]);
    const second = await renderDocument(kind, structuredClone(SAMPLES[kind]));
    expect(first.equals(second)).toBe(true);
    expect((await readPdf(first)).info.CreationDate).toBe(createdAt); // Beijing midnight of issuedOn
  });

  it('keeps the letters on one page in Chinese with long names, several charges and a long reason', async () => {
    const handler = {
      name: '欧阳明轩',
      profession: '律师',
      organisation: '北京市朝阳区某某某某律师事务所第二分所',
      licenceNumber: '11101201510123456',
      phone: '13912345678',
    };
    const longCase = {
      description: '赵小勇、钱某某、孙某某涉嫌盗窃、诈骗、掩饰隐瞒犯罪所得案',
      recipientStanding: '犯罪嫌疑人',
      charges: ['盗窃罪', '诈骗罪', '掩饰、隐瞒犯罪所得罪'],
      stage: '审查起诉阶段',
      caseNumber: '京朝检刑受〔2026〕456号',
    };
    const letter = build('assignment_letter', { handler, case: longCase });
    const meeting = build('meeting_letter', { handler, case: longCase });
    const change = build('handler_change_notice', {
      newHandler: handler,
      reason: '原承办律师因身体原因长期住院治疗，不能继续履行法律援助职责，且受援人亦书面申请更换',
      copyTo: '北京市朝阳区人民法院、北京市朝阳区人民检察院',
    });
    expect((await render('assignment_letter', letter)).pdf.pages).toBe(1);
    expect((await render('meeting_letter', meeting)).pdf.pages).toBe(1);
    expect((await render('handler_change_notice', change)).pdf.pages).toBe(1);
  });

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
      '自收到本决定之日起15日内，向北京市朝阳区司法局提出（《中华人民共和国法律援助法》第四十九条、《北京市法律援助条例》第二十四条）',
    );
  });

  it('a termination decision states the ground with its citation, the facts and the right to object', async () => {
    const { pdf } = await render('termination_decision', SAMPLES.termination_decision);
    contains(pdf, '终止法律援助决定书');
    contains(pdf, '京朝法援终〔2026〕第00002号');
    contains(pdf, '本中心以京朝法援〔2026〕第00123号决定对你的追索劳动报酬事项');
    contains(pdf, '受援人自行委托律师（依据：《中华人民共和国法律援助法》第四十八条）');
    contains(pdf, '已自行委托北京某律师事务所律师代理本案');
    contains(pdf, '决定终止对你的法律援助');
    // LAL art.49 sets no filing period for an objection to a termination, and BJR art.24 covers refusals only.
    contains(
      pdf,
      '如对本决定有异议，你可以向北京市朝阳区司法局提出（《中华人民共和国法律援助法》第四十九条）',
    );
    expect(pdf.text).not.toMatch(/15日|第二十四条/);
  });

  it('an assignment letter tells the handling body whom the centre assigned, on which notice and basis', async () => {
    const { pdf } = await render('assignment_letter', SAMPLES.assignment_letter);
    contains(pdf, '法律援助公函');
    contains(pdf, '京朝法援函〔2026〕第00007号');
    contains(pdf, '北京市朝阳区人民检察院：');
    contains(pdf, '本中心于2026年3月10日收到你单位《提供法律援助通知书》（京朝检通援〔2026〕12号）。');
    contains(
      pdf,
      '根据《中华人民共和国法律援助法》第二十五条、第三十六条的规定，本中心指派北京市京援律师事务所律师王明担任赵小勇涉嫌盗窃案犯罪嫌疑人赵小勇的辩护人，为其提供法律援助。',
    );
    contains(pdf, '法律援助人员王明');
    contains(pdf, '执业机构北京市京援律师事务所');
    contains(pdf, '执业证号11101201510123456');
    contains(pdf, '联系电话13912345678');
    contains(pdf, '罪名盗窃罪');
    contains(pdf, '诉讼阶段审查起诉阶段');
    contains(pdf, '案号京朝检刑受〔2026〕456号');
    contains(pdf, '请你单位依法支持法律援助人员开展工作。特此函告。');
    contains(pdf, '北京市朝阳区法律援助中心（印章）2026年3月11日');
    contains(pdf, '联系人：李明');
  });

  it('an assignment letter for an application cites no notice, and prints charges only when there are some', async () => {
    const civil = build('assignment_letter', {
      addressee: '北京市朝阳区人民法院',
      role: '诉讼代理人',
      case: { description: '张晓燕诉某物流公司劳动争议案', recipientStanding: '原告', stage: '一审' },
      notice: undefined,
      basis: ['《中华人民共和国法律援助法》第四十三条'],
    });
    const { pdf } = await render('assignment_letter', civil);
    contains(pdf, '北京市朝阳区人民法院：根据《中华人民共和国法律援助法》第四十三条的规定');
    contains(pdf, '担任张晓燕诉某物流公司劳动争议案原告赵小勇的诉讼代理人');
    contains(pdf, '诉讼阶段一审');
    expect(pdf.text).not.toContain('收悉');
    expect(pdf.text).not.toContain('收到你单位');
    expect(pdf.text).not.toContain('罪名');
    expect(pdf.text).not.toContain('案号');

    const charges = build('assignment_letter', {
      case: { ...SAMPLES.assignment_letter.case, charges: ['盗窃罪', '诈骗罪'] },
      notice: { title: '通知辩护公函', reference: '（2026）京0105刑初123号' },
    });
    const notified = (await render('assignment_letter', charges)).pdf;
    contains(notified, '罪名盗窃罪、诈骗罪');
    contains(notified, '你单位《通知辩护公函》（（2026）京0105刑初123号）收悉。根据');
  });

  it('a meeting letter asks the detention centre to arrange a meeting, citing the assignment letter', async () => {
    const { pdf } = await render('meeting_letter', SAMPLES.meeting_letter);
    contains(pdf, '会见在押犯罪嫌疑人、被告人公函');
    contains(pdf, '京朝法援会〔2026〕第00003号');
    contains(pdf, '北京市朝阳区看守所：');
    contains(
      pdf,
      '本中心已以京朝法援函〔2026〕第00007号法律援助公函指派北京市京援律师事务所律师王明担任赵小勇涉嫌盗窃案犯罪嫌疑人赵小勇的辩护人。',
    );
    contains(
      pdf,
      '根据《中华人民共和国刑事诉讼法》第三十九条的规定，王明律师申请会见在押的犯罪嫌疑人赵小勇，请予安排。',
    );
    contains(pdf, '在押人员赵小勇');
    contains(pdf, '罪名盗窃罪');
    contains(pdf, '办案机关北京市朝阳区人民检察院');
    contains(pdf, '会见律师王明');
    contains(pdf, '执业证号11101201510123456');
    contains(pdf, '法律援助公函京朝法援函〔2026〕第00007号');
    contains(pdf, '北京市朝阳区法律援助中心（印章）2026年3月11日');
  });

  it('a change-of-handler notice names both handlers, the reason and its basis, with a copy to the handling body', async () => {
    const { pdf } = await render('handler_change_notice', SAMPLES.handler_change_notice);
    contains(pdf, '更换法律援助人员通知书');
    contains(pdf, '京朝法援更〔2026〕第00002号');
    contains(pdf, '张晓燕：');
    contains(
      pdf,
      '你的追索劳动报酬法律援助案件（申请编号：SQ-2026-000123），原由本中心指派北京市朝阳律师事务所律师刘强承办。',
    );
    contains(
      pdf,
      '因你以原承办律师未依法告知案件办理情况为由申请更换，经核实属实，根据《中华人民共和国法律援助法》第五十五条的规定，本中心决定更换法律援助人员，改由北京市京援律师事务所律师陈静承办。',
    );
    contains(pdf, '姓名刘强陈静');
    contains(pdf, '执业证号1110120121065432111101201810987654');
    contains(pdf, '（联系电话：13912340000）');
    // The recipient is pointed to the new handler only.
    expect(pdf.text).not.toContain('13800001111');
    contains(pdf, '抄送：北京市朝阳区劳动人事争议仲裁委员会');
    contains(pdf, '北京市朝阳区法律援助中心（印章）2026年4月8日');
  });

  it('a change-of-handler notice without a basis or a handling body prints neither', async () => {
    const data = build('handler_change_notice', {
      reason: '原承办律师因身体原因不能继续履行职责',
      basis: [],
      copyTo: undefined,
      newHandler: { ...SAMPLES.handler_change_notice.newHandler, phone: undefined },
    });
    const { pdf } = await render('handler_change_notice', data);
    contains(pdf, '因原承办律师因身体原因不能继续履行职责，本中心决定更换法律援助人员');
    expect(pdf.text).not.toContain('根据');
    expect(pdf.text).not.toContain('抄送');
    contains(pdf, '请你与新的法律援助人员联系，如实陈述案件事实');
  });

  it('prints periods and citations as given, never its own', async () => {
    const grant = build('grant_decision', { assignment: { withinDays: 5, basis: ['某条例第九条'] } });
    contains((await render('grant_decision', grant)).pdf, '依照某条例第九条的规定，自本决定作出之日起5日内');
    const refusal = build('refusal_decision', {
      objection: { bureau: '某区司法局', withinDays: 30, basis: ['某条例第八条'] },
    });
    contains((await render('refusal_decision', refusal)).pdf, '30日内，向某区司法局提出（某条例第八条）');
    const letter = build('assignment_letter', { basis: ['某条例第九条', '某规定第三条'] });
    contains(
      (await render('assignment_letter', letter)).pdf,
      '根据某条例第九条、某规定第三条的规定，本中心指派',
    );
    const meeting = build('meeting_letter', { basis: ['某法第八条'] });
    contains((await render('meeting_letter', meeting)).pdf, '根据某法第八条的规定，王明律师申请会见');
  });

  it('renders in English with the data as given', async () => {
    const { pdf } = await render('refusal_decision', SAMPLES.refusal_decision, 'en-US');
    contains(pdf, 'Decision to Refuse Legal Aid');
    contains(pdf, '京朝法援不〔2026〕第00017号');
    contains(pdf, 'within 15 days of receiving it');
    contains(pdf, '6 March 2026');

    const letter = (await render('assignment_letter', SAMPLES.assignment_letter, 'en-US')).pdf;
    contains(letter, 'Legal Aid Assignment Letter');
    contains(
      letter,
      'On 10 March 2026 this centre received your 提供法律援助通知书 (京朝检通援〔2026〕12号). Under',
    );
    contains(letter, 'Licence number11101201510123456');
    const change = (await render('handler_change_notice', SAMPLES.handler_change_notice, 'en-US')).pdf;
    contains(change, 'Copy to: 北京市朝阳区劳动人事争议仲裁委员会');
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

  it('will not issue a letter without its basis or a change notice without its reason', () => {
    expect(() => layoutDocument('assignment_letter', build('assignment_letter', { basis: [] }))).toThrow(
      /cites its legal basis/,
    );
    expect(() => layoutDocument('meeting_letter', build('meeting_letter', { basis: [] }))).toThrow(
      /cites its legal basis/,
    );
    expect(() =>
      layoutDocument('handler_change_notice', build('handler_change_notice', { reason: ' ' })),
    ).toThrow(/gives the reason/);
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
