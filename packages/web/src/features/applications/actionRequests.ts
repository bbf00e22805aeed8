import type { Dayjs } from 'dayjs';
import type {
  ApplicationDetail,
  ApplicationMaterial,
  ApprovalInput,
  DecideInput,
  Decision,
  DecisionReasonInput,
  ObjectionDecisionInput,
  ObjectionInput,
  ObjectionOutcome,
  ProvisionalAidGround,
  ProvisionalAidInput,
  ReferenceItem,
  SupplementInput,
} from '../../api';
import { asBeijingInstant } from '../rules/beijingTime';

/**
 * The action dialogs' values and how they become request bodies. Pure: the dialogs keep layout and
 * state, and what is sent can be read (and tested) here.
 */
const DATE = 'YYYY-MM-DD';
const optional = (value: string | undefined) => {
  const text = value?.trim();
  return text ? text : undefined;
};

/** What is not in yet: missing listed materials and items already requested. */
export function outstandingMaterials(materials: readonly ApplicationMaterial[]): ApplicationMaterial[] {
  return materials.filter((m) => m.status !== 'provided');
}

/** The code the server knows a material by: an extra item goes by its own wording. */
export function materialKey(material: ApplicationMaterial): string {
  return material.label ?? material.code;
}

export interface SupplementValues {
  extraItems: (string | undefined)[];
  dueDate?: Dayjs | null;
}

export function toSupplementInput(values: SupplementValues): SupplementInput {
  const extraItems = values.extraItems.map(optional).filter((s): s is string => s !== undefined);
  return {
    extraItems: [...new Set(extraItems)],
    ...(values.dueDate ? { dueDate: values.dueDate.format(DATE) } : {}),
  };
}

export interface DecideValues {
  decision: Decision;
  grantReasons: string[];
  refusalReasons: string[];
  note?: string;
}

/**
 * Grant reasons are the assessment's (with their citations); refusal reasons the rule list's. A
 * grant with none ticked rests on every reason of the assessment (the server accepts only codes it
 * knows, with their exact citations).
 */
export function toDecideInput(
  values: DecideValues,
  application: Pick<ApplicationDetail, 'assessment'>,
  refusalReasons: readonly ReferenceItem[],
): DecideInput {
  const note = optional(values.note);
  let reasons: DecisionReasonInput[];
  if (values.decision === 'grant') {
    const assessed = application.assessment?.reasons ?? [];
    const chosen = assessed.filter((r) => values.grantReasons.includes(r.code));
    reasons = chosen.map((r) => ({ code: r.code, citation: r.citation }));
    if (reasons.length === 0) reasons = assessed.map((r) => ({ code: r.code, citation: r.citation }));
  } else {
    reasons = refusalReasons
      .filter((r) => values.refusalReasons.includes(r.code))
      .map((r) => ({ code: r.code, citation: r.citation }));
  }
  return { decision: values.decision, reasons, ...(note ? { note } : {}) };
}

export interface ApprovalValues {
  approve: boolean;
  note?: string;
}

export function toApprovalInput(values: ApprovalValues): ApprovalInput {
  const note = optional(values.note);
  return { approve: values.approve, ...(note ? { note } : {}) };
}

export interface ProvisionalAidValues {
  ground: ProvisionalAidGround;
  /** A handler of the registry, from the case's candidates. */
  handlerId: string;
  /** Why this handler when another was recommended. */
  reason?: string | undefined;
  formalitiesDueDate: Dayjs;
  note?: string;
}

export function toProvisionalAidInput(values: ProvisionalAidValues): ProvisionalAidInput {
  const note = optional(values.note);
  const reason = optional(values.reason);
  return {
    ground: values.ground,
    handlerId: values.handlerId,
    ...(reason ? { reason } : {}),
    formalitiesDueDate: values.formalitiesDueDate.format(DATE),
    ...(note ? { note } : {}),
  };
}

export interface ObjectionValues {
  grounds: string;
  /** Beijing wall-clock time. */
  filedAt?: Dayjs | null;
}

export function toObjectionInput(values: ObjectionValues): ObjectionInput {
  return {
    grounds: values.grounds.trim(),
    ...(values.filedAt ? { filedAt: asBeijingInstant(values.filedAt) } : {}),
  };
}

export interface ObjectionDecisionValues {
  outcome: ObjectionOutcome;
  conclusion: string;
}

export function toObjectionDecisionInput(values: ObjectionDecisionValues): ObjectionDecisionInput {
  return { outcome: values.outcome, conclusion: values.conclusion.trim() };
}
