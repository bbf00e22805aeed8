import { beijingDateOf, type Locale } from '@fayuan/domain';
import type { DocumentLayout } from '../../../platform/documents/pdf/layout.ts';
import type { opinionRequestDetail } from './organ-opinion-views.ts';

type Detail = Awaited<ReturnType<typeof opinionRequestDetail>>;

const WORDS = {
  'zh-CN': {
    title: '征询意见函',
    intro: (d: Detail, centre: string) =>
      `根据《中华人民共和国法律援助法》第五十九条的规定，${centre}对法律援助案件的办理质量进行监督。` +
      `我中心指派的承办人员${d.handlerName ?? ''}承办了${d.applicationNumber}号法律援助案件，` +
      `现就其服务质量征询贵单位意见。请对下列事项逐项评分（1 至 5 分：5 分为很好，3 分为一般，1 分为很差），` +
      `并于${d.dueOn}前将本函回执寄回或送交我中心。`,
    items: '评价事项',
    header: ['序号', '评价事项', '评分（请圈选）'],
    scale: '1　2　3　4　5',
    other: '其他意见和建议',
    blank: '＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿',
    reply: '回执',
    replyRows: (d: Detail): Array<[string, string]> => [
      ['案件编号', d.applicationNumber],
      ['征询编号', d.id],
      ['填写单位', ''],
      ['填写人', ''],
      ['填写日期', ''],
    ],
    seal: '（印章）',
    footer: ['请在回执上加盖单位公章。对本函如有疑问，请与我中心联系。'],
  },
  'en-US': {
    title: 'Request for an opinion',
    intro: (d: Detail, centre: string) =>
      `Under article 59 of the Legal Aid Law, ${centre} supervises the quality of legal aid. ` +
      `The handler we assigned, ${d.handlerName ?? ''}, carried case ${d.applicationNumber}; we ask your ` +
      `opinion of their work. Please rate each item below from 1 (very poor) to 5 (very good) and ` +
      `return the reply form to the centre by ${d.dueOn}.`,
    items: 'Items',
    header: ['No.', 'Item', 'Rating (circle one)'],
    scale: '1   2   3   4   5',
    other: 'Other comments',
    blank: '________________________________________________',
    reply: 'Reply form',
    replyRows: (d: Detail): Array<[string, string]> => [
      ['Case number', d.applicationNumber],
      ['Request', d.id],
      ['Organ', ''],
      ['Filled in by', ''],
      ['Date', ''],
    ],
    seal: '(seal)',
    footer: ['Please seal the reply form. Contact the centre with any question about this letter.'],
  },
} as const;

/**
 * The letter (征询意见函) for an organ that is not a partner: the request, the items to rate with a
 * 1–5 scale to circle, room for words, and a reply form naming the case and the request, so the
 * paper answer is recorded against the right request.
 */
export function opinionLetterLayout(
  detail: Detail,
  centre: string,
  locale: Locale,
  now: Date,
): DocumentLayout {
  const w = WORDS[locale];
  return {
    title: w.title,
    number: detail.applicationNumber,
    addressee: locale === 'en-US' ? `${detail.organName}:` : `${detail.organName}：`,
    subject: detail.applicationNumber,
    language: locale,
    body: [
      { type: 'paragraph', text: w.intro(detail, centre) },
      { type: 'heading', text: w.items },
      {
        type: 'table',
        header: [...w.header],
        rows: detail.items.map((i, n) => [String(n + 1), locale === 'en-US' ? i.nameEn : i.nameZh, w.scale]),
        widths: ['auto', '*', 'auto'],
        align: ['center', 'left', 'center'],
      },
      { type: 'heading', text: w.other },
      { type: 'paragraph', text: w.blank },
      { type: 'paragraph', text: w.blank },
      { type: 'heading', text: w.reply },
      { type: 'fields', rows: w.replyRows(detail) },
    ],
    signature: { centre, seal: w.seal, date: beijingDateOf(now) },
    footer: [...w.footer],
  };
}
