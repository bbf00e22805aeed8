import {
  beijingDateOf,
  FEE_WAIVER_KINDS,
  type FeeRelief,
  type FeeWaiverBodyKind,
  type Locale,
} from '@fayuan/domain';
import type { DocumentLayout } from '../../platform/documents/pdf/layout.ts';
import { formatYuan } from '../../platform/documents/pdf/format.ts';
import type { feeWaiverDetail } from './fee-waiver-views.ts';

type Detail = Awaited<ReturnType<typeof feeWaiverDetail>>;

/**
 * LAL art.53 as enacted (read in 《中华人民共和国法律援助法》): the sentence that binds each body.
 * The letter quotes it, so the body reads its own duty.
 */
const ARTICLE_53: Record<FeeWaiverBodyKind, string> = {
  court: '人民法院应当根据情况对受援人缓收、减收或者免收诉讼费用',
  notary_office: '公证机构、司法鉴定机构应当对受援人减收或者免收公证费、鉴定费',
  forensic_appraisal: '公证机构、司法鉴定机构应当对受援人减收或者免收公证费、鉴定费',
};

const ZH_RELIEF: Record<FeeRelief, string> = { deferral: '缓收', reduction: '减收', waiver: '免收' };
const ZH_FEE: Record<FeeWaiverBodyKind, string> = {
  court: '诉讼费用',
  notary_office: '公证费',
  forensic_appraisal: '鉴定费',
};
const EN_RELIEF: Record<FeeRelief, string> = { deferral: 'defer', reduction: 'reduce', waiver: 'waive' };
const EN_FEE: Record<FeeWaiverBodyKind, string> = {
  court: 'litigation fees',
  notary_office: 'the notary fee',
  forensic_appraisal: 'the appraisal fee',
};

function wording(d: Detail, locale: Locale) {
  const { relief } = FEE_WAIVER_KINDS[d.requestKind];
  const asked = d.amountAskedFen === null ? null : formatYuan(d.amountAskedFen, locale);
  if (locale === 'en-US') {
    const what = `${EN_RELIEF[relief]} ${EN_FEE[d.bodyKind]}`;
    return {
      title: `Request to ${what} for a legal aid recipient`,
      intro:
        `${d.centreName} provides legal aid to ${d.recipientName} (case ${d.applicationNumber}). In this ` +
        `matter the recipient is to pay you: ${d.feeDescription}${asked ? ` (${asked})` : ''}. Under ` +
        `article 53 of the Legal Aid Law, we ask you to ${what} for the recipient, and to return the reply ` +
        `form below to the centre with your decision.`,
      fields: [
        ['Recipient', d.recipientName],
        ['Case number', d.applicationNumber],
        ['Request', what],
        ['Fee', d.feeDescription],
        ['Amount', asked ?? '—'],
      ] as Array<[string, string]>,
      reply: 'Reply form',
      replyRows: [
        ['Letter', d.letterNumber ?? ''],
        ['Decision', '□ granted   □ partly granted   □ refused'],
        ['Amount waived or reduced', ''],
        ...(relief === 'deferral' ? [['Deferred until', ''] as [string, string]] : []),
        ['Signed by', ''],
        ['Date', ''],
      ] as Array<[string, string]>,
      seal: '(seal)',
      footer: ['Please seal the reply form. Contact the centre with any question about this letter.'],
    };
  }
  const what = `${ZH_RELIEF[relief]}${ZH_FEE[d.bodyKind]}`;
  return {
    title: `关于申请${what}的函`,
    intro:
      `${d.centreName}已对${d.recipientName}提供法律援助（案件编号：${d.applicationNumber}）。受援人在该法律援助` +
      `事项中需向贵单位缴纳${d.feeDescription}${asked ? `（金额${asked}）` : ''}。根据《中华人民共和国法律援助法》` +
      `第五十三条“${ARTICLE_53[d.bodyKind]}”的规定，特函请贵单位对受援人${what}，` +
      `并将办理结果填写回执后寄回或送交我中心。`,
    fields: [
      ['受援人', d.recipientName],
      ['案件编号', d.applicationNumber],
      ['申请事项', what],
      ['费用名称', d.feeDescription],
      ['费用金额', asked ?? '—'],
    ] as Array<[string, string]>,
    reply: '回执',
    replyRows: [
      ['申请函文号', d.letterNumber ?? ''],
      ['办理结果', '□准予　□部分准予　□不予准许'],
      ['减免金额', ''],
      ...(relief === 'deferral' ? [['缓交期限', ''] as [string, string]] : []),
      ['经办人', ''],
      ['日期', ''],
    ] as Array<[string, string]>,
    seal: '（印章）',
    footer: ['请在回执上加盖单位公章。对本函如有疑问，请与我中心联系。'],
  };
}

/**
 * The request letter (申请函) to the court, notary office or forensic appraisal body: the recipient
 * and case, the fee, the relief asked under LAL art.53 (quoted), and a reply form naming the
 * letter's number, so the answer is recorded against the right request.
 */
export function feeWaiverLetterLayout(detail: Detail, locale: Locale, now: Date): DocumentLayout {
  const w = wording(detail, locale);
  return {
    title: w.title,
    number: detail.letterNumber ?? '',
    addressee: locale === 'en-US' ? `${detail.bodyName}:` : `${detail.bodyName}：`,
    subject: detail.applicationNumber,
    language: locale,
    body: [
      { type: 'paragraph', text: w.intro },
      { type: 'fields', rows: w.fields },
      { type: 'heading', text: w.reply },
      { type: 'fields', rows: w.replyRows },
    ],
    signature: {
      centre: detail.centreName,
      seal: w.seal,
      date: detail.sentAt ? beijingDateOf(detail.sentAt) : beijingDateOf(now),
    },
    footer: w.footer,
  };
}
