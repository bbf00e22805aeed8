import type { Locale } from '@fayuan/domain';
import { formatDate, formatDateTime } from './format.ts';
import type { Block, DocumentLayout } from './layout.ts';
import type { Wording } from './templates.ts';
import type {
  Contact,
  DocumentBase,
  DocumentDataByKind,
  GrantDecisionData,
  ReceiptData,
  RefusalDecisionData,
  RenderableKind,
  SupplementNoticeData,
} from './types.ts';

/** Fills the common document shape from one kind's data and the locale's wording. */
type Builder<K extends RenderableKind> = (
  data: DocumentDataByKind[K],
  w: Wording,
  locale: Locale,
) => DocumentLayout;

export const BUILDERS: { [K in RenderableKind]: Builder<K> } = {
  receipt: receipt,
  supplement_notice: supplementNotice,
  grant_decision: grantDecision,
  refusal_decision: refusalDecision,
};

function receipt(data: ReceiptData, w: Wording, locale: Locale): DocumentLayout {
  const t = w.receipt;
  const reviewDeadline = formatDate(data.reviewDeadline, locale);
  const receivedAt = formatDateTime(data.receivedAt, locale);
  const form = (original?: boolean) => (original === undefined ? '' : original ? t.original : t.copy);
  return {
    ...head(t.title, data, w, locale),
    body: [
      { type: 'paragraph', text: t.intro },
      {
        type: 'fields',
        rows: [
          [t.labels.applicant, data.applicant.name],
          [t.labels.applicationNumber, data.applicationNumber],
          [t.labels.receivedAt, receivedAt],
          [t.labels.channel, data.channel],
          [t.labels.reviewDeadline, t.deadline(reviewDeadline)],
        ],
        perRow: 2,
      },
      {
        type: 'table',
        header: [...t.materialsHeader],
        widths: ['auto', '*', 'auto', 'auto'],
        align: ['center', 'left', 'center', 'center'],
        rows: data.materials.map((m, i) => [
          String(i + 1),
          m.name,
          m.copies === undefined ? '' : String(m.copies),
          form(m.original),
        ]),
      },
      { type: 'heading', text: t.noticeHeading },
      { type: 'list', items: t.notices({ reviewDeadline, reviewBasis: w.cite(data.reviewBasis) }) },
    ],
    footer: contactLines(data.contact, w),
  };
}

function supplementNotice(data: SupplementNoticeData, w: Wording, locale: Locale): DocumentLayout {
  // LAL art.43(2): every missing item in one notice, so the applicant is asked once.
  if (data.missingItems.length === 0) throw new Error('a supplement notice lists at least one missing item');
  const t = w.supplementNotice;
  return {
    ...head(t.title, data, w, locale),
    body: [
      {
        type: 'paragraph',
        text: t.intro({
          appliedOn: formatDate(data.appliedOn, locale),
          applicationNumber: data.applicationNumber,
          basis: w.cite(data.basis),
        }),
      },
      { type: 'list', items: data.missingItems.map((item) => w.missingItem(item.name, item.detail)) },
      { type: 'paragraph', text: t.due(formatDate(data.dueDate, locale)) },
    ],
    footer: contactLines(data.contact, w),
  };
}

function grantDecision(data: GrantDecisionData, w: Wording, locale: Locale): DocumentLayout {
  const t = w.grantDecision;
  const body: Block[] = [
    {
      type: 'paragraph',
      text: t.intro({
        appliedOn: formatDate(data.appliedOn, locale),
        matter: data.matter,
        applicationNumber: data.applicationNumber,
        basis: w.cite(data.basis),
      }),
    },
    {
      type: 'fields',
      rows: [
        [t.labels.recipient, data.applicant.name],
        [t.labels.matter, data.matter],
        [t.labels.formOfAid, data.formOfAid],
      ],
    },
    {
      type: 'paragraph',
      text: t.assignment({ basis: w.cite(data.assignment.basis), withinDays: data.assignment.withinDays }),
    },
    { type: 'paragraph', text: t.duties },
  ];
  return {
    ...head(t.title, data, w, locale),
    body,
    footer: data.contact ? contactLines(data.contact, w) : undefined,
  };
}

function refusalDecision(data: RefusalDecisionData, w: Wording, locale: Locale): DocumentLayout {
  if (data.reasons.length === 0) throw new Error('a refusal decision gives at least one reason');
  const t = w.refusalDecision;
  return {
    ...head(t.title, data, w, locale),
    body: [
      {
        type: 'paragraph',
        text: t.intro({
          appliedOn: formatDate(data.appliedOn, locale),
          matter: data.matter,
          applicationNumber: data.applicationNumber,
        }),
      },
      { type: 'list', items: data.reasons.map((r) => w.withBasis(r.text, r.citations)) },
      { type: 'paragraph', text: t.conclusion },
      {
        type: 'paragraph',
        text: t.objection({
          withinDays: data.objection.withinDays,
          bureau: data.objection.bureau,
          basis: w.cite(data.objection.basis),
        }),
      },
    ],
  };
}

/** Title, number, salutation and signature: the same for every kind addressed to the applicant. */
function head(
  title: string,
  data: DocumentBase & { applicant: { name: string }; applicationNumber: string },
  w: Wording,
  locale: Locale,
): Omit<DocumentLayout, 'body'> {
  return {
    title,
    number: data.number,
    addressee: w.salutation(data.applicant.name),
    subject: data.applicationNumber,
    language: locale,
    signature: { centre: data.centre.name, seal: w.seal, date: formatDate(data.issuedOn, locale) },
  };
}

function contactLines(contact: Contact, w: Wording): string[] {
  const person = contact.person ? [w.labelled(w.contact.person, contact.person)] : [];
  const address = contact.address ? [w.labelled(w.contact.address, contact.address)] : [];
  return [w.inline([...person, w.labelled(w.contact.phone, contact.phone)]), ...address];
}
