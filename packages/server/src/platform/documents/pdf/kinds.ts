import type { Locale } from '@fayuan/domain';
import { formatDate, formatDateTime, formatYuan } from './format.ts';
import type { Block, DocumentLayout } from './layout.ts';
import type { Wording } from './templates.ts';
import type {
  AssignmentLetterData,
  CaseRef,
  Contact,
  DocumentBase,
  DocumentDataByKind,
  GrantDecisionData,
  Handler,
  HandlerChangeNoticeData,
  MeetingLetterData,
  ObjectionDecisionData,
  ReceiptData,
  RefusalDecisionData,
  RenderableKind,
  SupplementNoticeData,
  TerminationDecisionData,
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
  termination_decision: terminationDecision,
  objection_decision: objectionDecision,
  assignment_letter: assignmentLetter,
  meeting_letter: meetingLetter,
  handler_change_notice: handlerChangeNotice,
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
      ...(data.hardship
        ? [
            {
              type: 'paragraph' as const,
              text: t.hardship({
                perMember: formatYuan(data.hardship.perMemberMonthlyFen, locale),
                line: formatYuan(data.hardship.lineFen, locale),
                members: data.hardship.members,
                basis: w.cite(data.hardship.basis),
              }),
            },
          ]
        : []),
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

function terminationDecision(data: TerminationDecisionData, w: Wording, locale: Locale): DocumentLayout {
  if (data.ground.citations.length === 0) throw new Error('a termination decision cites its ground');
  const t = w.terminationDecision;
  return {
    ...head(t.title, data, w, locale),
    body: [
      {
        type: 'paragraph',
        text: t.intro({
          matter: data.matter,
          applicationNumber: data.applicationNumber,
          grantDecisionNumber: data.grantDecisionNumber,
        }),
      },
      { type: 'list', items: [w.withBasis(data.ground.text, data.ground.citations)] },
      ...(data.facts ? [{ type: 'paragraph' as const, text: data.facts }] : []),
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

function objectionDecision(data: ObjectionDecisionData, w: Wording, locale: Locale): DocumentLayout {
  if (data.basis.length === 0) throw new Error('an objection decision cites its basis');
  const t = w.objectionDecision;
  const decision = data.decision.number
    ? `${data.decision.title}（${data.decision.number}）`
    : data.decision.title;
  return {
    ...head(t.title, data, w, locale),
    body: [
      {
        type: 'paragraph',
        text: t.intro({
          decidingCentre: data.decidingCentre,
          decision,
          filedOn: formatDate(data.filedOn, locale),
          applicationNumber: data.applicationNumber,
          basis: w.cite(data.basis),
        }),
      },
      {
        type: 'fields',
        rows: [
          [t.labels.objector, data.applicant.name],
          [t.labels.matter, data.matter],
          [t.labels.decision, decision],
          [t.labels.grounds, data.grounds],
        ],
      },
      { type: 'paragraph', text: t.finding(data.conclusion) },
      {
        type: 'paragraph',
        text: t.outcome({
          outcome: data.outcome,
          against: data.against,
          decidingCentre: data.decidingCentre,
        }),
      },
      // LAL art.49: only a decision that upholds the centre's is open to review or suit by the applicant.
      ...(data.outcome === 'upheld' ? [{ type: 'paragraph' as const, text: t.remedy }] : []),
    ],
  };
}

function assignmentLetter(data: AssignmentLetterData, w: Wording, locale: Locale): DocumentLayout {
  // The letter is the handler's authority before the handling body: it must say what it rests on.
  if (data.basis.length === 0) throw new Error('an assignment letter cites its legal basis');
  const t = w.assignmentLetter;
  const notice = data.notice
    ? t.notice({
        title: data.notice.title,
        reference: data.notice.reference,
        receivedOn: data.notice.receivedOn && formatDate(data.notice.receivedOn, locale),
      })
    : undefined;
  const intro = t.intro({
    notice,
    basis: w.cite(data.basis),
    handler: w.handler(data.handler),
    caseDescription: data.case.description,
    standing: data.case.recipientStanding,
    recipient: data.applicant.name,
    role: data.role,
  });
  return {
    ...head(t.title, data, w, locale, data.addressee),
    body: [
      { type: 'paragraph', text: intro },
      { type: 'fields', rows: [...handlerRows(data.handler, w), ...caseRows(data.case, w)] },
      { type: 'paragraph', text: t.request },
      { type: 'paragraph', text: t.closing },
    ],
    footer: contactLines(data.contact, w),
  };
}

function meetingLetter(data: MeetingLetterData, w: Wording, locale: Locale): DocumentLayout {
  if (data.basis.length === 0) throw new Error('a meeting letter cites its legal basis');
  const t = w.meetingLetter;
  const [, ...handlerDetails] = handlerRows(data.handler, w);
  return {
    ...head(t.title, data, w, locale, data.detentionCentre),
    body: [
      {
        type: 'paragraph',
        text: t.intro({
          assignmentLetterNumber: data.assignmentLetterNumber,
          handler: w.handler(data.handler),
          caseDescription: data.case.description,
          standing: data.case.recipientStanding,
          recipient: data.applicant.name,
          role: data.role,
        }),
      },
      {
        type: 'paragraph',
        text: t.request({
          basis: w.cite(data.basis),
          handlerName: data.handler.name,
          profession: data.handler.profession,
          standing: data.case.recipientStanding,
          recipient: data.applicant.name,
        }),
      },
      {
        type: 'fields',
        rows: [
          [t.labels.detainee, data.applicant.name],
          ...caseRows(data.case, w),
          [w.caseLabels.handlingBody, data.handlingBody],
          [t.labels.lawyer, data.handler.name],
          ...handlerDetails,
          [t.labels.assignmentLetter, data.assignmentLetterNumber],
        ],
      },
      { type: 'paragraph', text: t.closing },
    ],
    footer: contactLines(data.contact, w),
  };
}

function handlerChangeNotice(data: HandlerChangeNoticeData, w: Wording, locale: Locale): DocumentLayout {
  if (!data.reason.trim()) throw new Error('a change-of-handler notice gives the reason');
  const t = w.handlerChangeNotice;
  const l = t.labels;
  const { previousHandler: before, newHandler: after } = data;
  return {
    ...head(t.title, data, w, locale),
    body: [
      {
        type: 'paragraph',
        text: t.intro({
          matter: data.matter,
          applicationNumber: data.applicationNumber,
          previous: w.handler(before),
        }),
      },
      {
        type: 'paragraph',
        text: t.change({
          reason: data.reason,
          basis: data.basis.length ? w.cite(data.basis) : undefined,
          next: w.handler(after),
        }),
      },
      {
        type: 'table',
        header: [...t.header],
        widths: ['auto', '*', '*'],
        rows: [
          [l.name, before.name, after.name],
          [l.organisation, before.organisation, after.organisation],
          [l.licenceNumber, before.licenceNumber, after.licenceNumber],
        ],
      },
      // Only the new handler's phone: the recipient should now call them, not the previous one.
      { type: 'paragraph', text: t.duties(after.phone) },
      { type: 'paragraph', text: t.closing },
    ],
    footer: [...(data.copyTo ? [t.copyTo(data.copyTo)] : []), ...contactLines(data.contact, w)],
  };
}

/** Who the handler is, as a court or a detention centre checks it: name, organisation, licence. */
function handlerRows(handler: Handler, w: Wording): Array<[string, string]> {
  const l = w.handlerLabels;
  return [
    [l.name, handler.name],
    [l.organisation, handler.organisation],
    [l.licenceNumber, handler.licenceNumber],
    ...(handler.phone ? [[l.phone, handler.phone] as [string, string]] : []),
  ];
}

/** The case's charges, stage and number, each when known. */
function caseRows(ref: CaseRef, w: Wording): Array<[string, string]> {
  const l = w.caseLabels;
  const rows: Array<[string, string]> = [];
  if (ref.charges?.length) rows.push([l.charges, w.list(ref.charges)]);
  rows.push([l.stage, ref.stage]);
  if (ref.caseNumber) rows.push([l.caseNumber, ref.caseNumber]);
  return rows;
}

/**
 * Title, number, salutation and signature: the same for every kind. Addressed to the applicant
 * unless another addressee is given (the body handling the case, a detention centre).
 */
function head(
  title: string,
  data: DocumentBase & { applicant: { name: string }; applicationNumber: string },
  w: Wording,
  locale: Locale,
  addressee: string = data.applicant.name,
): Omit<DocumentLayout, 'body'> {
  return {
    title,
    number: data.number,
    addressee: w.salutation(addressee),
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
