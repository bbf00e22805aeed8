import { yuanInCapitals, type Locale, type LocalDate } from '@fayuan/domain';
import type { DocumentLayout } from '../../../platform/documents/pdf/layout.ts';
import { formatDate, formatYuan } from '../../../platform/documents/pdf/format.ts';
import type { donationDetail } from './donation-views.ts';

type Detail = Awaited<ReturnType<typeof donationDetail>>;

const WORDS = {
  'zh-CN': {
    title: '法律援助社会捐赠收据',
    intro: (d: Detail) =>
      `今收到${d.donorName}向法律援助事业捐赠的款项，用于${d.purpose}。` +
      '根据《中华人民共和国法律援助法》第九条，国家鼓励和支持企业事业单位、社会组织和个人等社会力量，依法通过捐赠等方式为法律援助事业提供支持。特此收据，谨致谢忱。',
    rows: (d: Detail, locale: Locale): Array<[string, string]> => [
      ['收据编号', d.receiptNumber],
      ['捐赠人', d.donorName],
      ['捐赠人类别', d.donorKind === 'person' ? '个人' : '单位'],
      ['捐赠用途', d.purpose],
      ['金额（小写）', formatYuan(d.amountFen, locale)],
      ['金额（大写）', `人民币${yuanInCapitals(d.amountFen)}`],
      ['收款日期', formatDate(d.receivedOn as LocalDate, locale)],
    ],
    seal: '（财务专用章）',
    footer: ['本收据一式两联，一联交捐赠人，一联由中心财务留存。'],
  },
  'en-US': {
    title: 'Receipt for a donation to legal aid',
    intro: (d: Detail) =>
      `Received from ${d.donorName} a donation to legal aid, for ${d.purpose}. ` +
      'Under article 9 of the Legal Aid Law the State encourages and supports enterprises, public institutions, social organisations and individuals in supporting legal aid by donation. With our thanks.',
    rows: (d: Detail, locale: Locale): Array<[string, string]> => [
      ['Receipt number', d.receiptNumber],
      ['Donor', d.donorName],
      ['Donor is', d.donorKind === 'person' ? 'a person' : 'an organisation'],
      ['Purpose', d.purpose],
      ['Amount', formatYuan(d.amountFen, locale)],
      ['In words (Chinese)', `人民币${yuanInCapitals(d.amountFen)}`],
      ['Received on', formatDate(d.receivedOn as LocalDate, locale)],
    ],
    seal: '(finance seal)',
    footer: ['Two copies: one for the donor, one kept by the centre’s finance office.'],
  },
} as const;

/**
 * The receipt (捐赠收据) a centre gives the donor: who gave what, for what, in figures and in
 * capitals, dated the day the money came in (the same donation always prints the same receipt).
 */
export function donationReceiptLayout(detail: Detail, locale: Locale): DocumentLayout {
  const w = WORDS[locale];
  return {
    title: w.title,
    number: detail.receiptNumber,
    addressee: locale === 'en-US' ? `${detail.donorName}:` : `${detail.donorName}：`,
    subject: detail.receiptNumber,
    language: locale,
    body: [
      { type: 'paragraph', text: w.intro(detail) },
      { type: 'fields', rows: w.rows(detail, locale) },
    ],
    signature: {
      centre: detail.centreName,
      seal: w.seal,
      date: formatDate(detail.receivedOn as LocalDate, locale),
    },
    footer: [...w.footer],
  };
}
