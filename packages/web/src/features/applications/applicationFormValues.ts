import type { Dayjs } from 'dayjs';
import { APPLICATION_CHANNELS, type ApplicantCategory } from '@fayuan/domain';
import type {
  ApplicationChannel,
  CaseType,
  CreateApplicationInput,
  HardshipBasis,
  MaterialForm,
  MaterialReference,
} from '../../api';
import { asBeijingInstant } from '../rules/beijingTime';

/**
 * The intake form's values and how they become POST /applications. Pure, so the page keeps to
 * layout and state. antd hands onFinish only the fields on screen (no materials list while it
 * loads), so list and record fields may be missing.
 */
export interface IntakeValues {
  applicantId?: string;
  actingByAgent: boolean;
  channel: ApplicationChannel;
  forwardedBy?: string;
  /** Beijing wall-clock time, as the picker shows it. */
  forwardedReceivedAt?: Dayjs | null;
  preliminaryReviewNote?: string;
  matter?: string;
  caseType?: CaseType;
  stage?: string;
  opposingParty?: string;
  courtOrAuthority?: string;
  facts?: string;
  requestedHelp?: string;
  hardshipBasis: HardshipBasis;
  members?: number | null;
  /** Household monthly income in yuan, as typed; sent in fen. */
  incomeYuan?: number | null;
  categories?: ApplicantCategory[];
  eligibilityFacts?: Record<string, boolean>;
  materialsProvided?: string[];
  /** 份数 and 原件/复印件 per material code, as typed beside each ticked material. */
  materialForms?: Record<string, { copies?: number | null; original?: boolean | null } | undefined>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?consultationId=&applicantId=`: a consultation converted into an application. Anything else is ignored. */
export interface IntakePrefill {
  consultationId?: string;
  applicantId?: string;
  /** From a consultation: its topic (a matter code) and the question as the first account of the facts. */
  matter?: string;
  facts?: string;
  /** How the application came in: `phone` for a hotline call converted. */
  channel?: IntakeValues['channel'];
}

export function prefillFrom(search: URLSearchParams): IntakePrefill {
  const id = (name: string) => {
    const value = search.get(name)?.trim();
    return value && UUID.test(value) ? value : undefined;
  };
  const matter = search.get('matter')?.trim();
  const facts = search.get('facts')?.trim();
  const channel = search.get('channel')?.trim();
  return {
    consultationId: id('consultationId'),
    applicantId: id('applicantId'),
    ...(matter && /^[a-z0-9_]{1,64}$/.test(matter) && matter !== 'other' ? { matter } : {}),
    ...(facts ? { facts: facts.slice(0, 20_000) } : {}),
    ...(channel && (APPLICATION_CHANNELS as readonly string[]).includes(channel)
      ? { channel: channel as IntakeValues['channel'] }
      : {}),
  };
}

export function initialIntakeValues(
  prefill: IntakePrefill = {},
): IntakeValues & Required<Pick<IntakeValues, 'categories'>> {
  return {
    applicantId: prefill.applicantId,
    ...(prefill.matter ? { matter: prefill.matter } : {}),
    ...(prefill.facts ? { facts: prefill.facts } : {}),
    actingByAgent: false,
    channel: prefill.channel ?? 'window',
    hardshipBasis: 'integrity_pledge',
    categories: [],
    eligibilityFacts: {},
    materialsProvided: [],
  };
}

/** The listed materials this application needs: those for everyone, for its hardship basis, and the agent's authority. */
export function applicableMaterials(
  materials: readonly MaterialReference[],
  basis: HardshipBasis,
  actingByAgent: boolean,
): MaterialReference[] {
  return materials.filter((m) => {
    const requiredFor = m.params.requiredFor;
    return requiredFor === 'all' || requiredFor === basis || (actingByAgent && requiredFor === 'agent');
  });
}

export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

const optional = (value: string | undefined) => {
  const text = value?.trim();
  return text ? text : undefined;
};

/** The 份数 and 原件/复印件 typed for the materials handed in; a material with neither is left out. */
export function materialFormsOf(
  provided: readonly string[],
  typed: IntakeValues['materialForms'],
): MaterialForm[] {
  return provided.flatMap((code) => {
    const form = typed?.[code];
    const copies = form?.copies ?? undefined;
    const original = form?.original ?? undefined;
    if (copies === undefined && original === undefined) return [];
    return [
      { code, ...(copies !== undefined ? { copies } : {}), ...(original !== undefined ? { original } : {}) },
    ];
  });
}

export function toCreateApplicationInput(
  values: IntakeValues,
  context: { consultationId?: string; materials: readonly MaterialReference[]; facts?: readonly string[] },
): CreateApplicationInput {
  const applicable = new Set(
    applicableMaterials(context.materials, values.hardshipBasis, values.actingByAgent).map((m) => m.code),
  );
  const forwarded = values.channel === 'forwarded';
  const household =
    values.members != null && values.incomeYuan != null
      ? { members: values.members, monthlyIncomeFen: yuanToFen(values.incomeYuan) }
      : undefined;
  const input: CreateApplicationInput = {
    applicantId: values.applicantId ?? '',
    channel: values.channel,
    matter: values.matter ?? '',
    caseType: values.caseType ?? 'civil',
    facts: values.facts?.trim() ?? '',
    requestedHelp: values.requestedHelp?.trim() ?? '',
    hardshipBasis: values.hardshipBasis,
    categories: values.categories ?? [],
    // The facts ticked among those asked (rule rows in force for the matter): a fact is data.
    eligibilityFacts: Object.fromEntries(
      (context.facts ?? [])
        .filter((fact) => values.eligibilityFacts?.[fact] === true)
        .map((fact) => [fact, true]),
    ),
    // A material ticked under another basis, then the basis changed: not handed in for this one.
    materialsProvided: (values.materialsProvided ?? []).filter((code) => applicable.has(code)),
    actingByAgent: values.actingByAgent,
  };
  const forms = materialFormsOf(input.materialsProvided, values.materialForms);
  if (forms.length > 0) input.materialForms = forms;
  const forwardedBy = forwarded ? optional(values.forwardedBy) : undefined;
  if (forwardedBy) input.forwardedBy = forwardedBy;
  if (forwarded && values.forwardedReceivedAt)
    input.forwardedReceivedAt = asBeijingInstant(values.forwardedReceivedAt);
  const note = values.channel === 'workstation' ? optional(values.preliminaryReviewNote) : undefined;
  if (note) input.preliminaryReviewNote = note;
  if (context.consultationId) input.consultationId = context.consultationId;
  for (const key of ['stage', 'opposingParty', 'courtOrAuthority'] as const) {
    const text = optional(values[key]);
    if (text) input[key] = text;
  }
  if (household) input.household = household;
  return input;
}

/** A VALIDATION_FAILED body path → the form field showing it (`household.monthlyIncomeFen` → incomeYuan). */
export function intakeIssueField(path: readonly string[]): string | undefined {
  const [head, second] = path;
  if (head === 'household') return second === 'members' ? 'members' : 'incomeYuan';
  if (head === 'eligibilityFacts') return undefined;
  return head;
}
