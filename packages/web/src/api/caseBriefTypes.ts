import type { CaseState, DocumentKind, PeriodKind } from '@fayuan/domain';
import type { CaseType } from './applicationTypes';

// The case brief for its handler, mirroring packages/server/src/modules/casework/case-brief.routes.ts.

export interface CaseBrief {
  id: string;
  number: string;
  state: CaseState;
  centre: string;
  matter: string;
  caseType: CaseType;
  stage: string | null;
  /** What the handler acts as (辩护人, 诉讼代理人), from the matter's rule data (list handler_role). */
  handlerRole: { zh: string; en: string; citation: string | null };
  /** The phone is null until the handler has accepted the case. */
  /** `phone` in full for the handler who accepted the case and for staff with person.unmask (audited). */
  client: { name: string; phone: string | null; phoneMasked: string | null; categories: string[] };
  opposingParty: string | null;
  courtOrAuthority: string | null;
  facts: string;
  requestedHelp: string | null;
  criminalNotice: {
    institutionKind: 'police' | 'procuratorate' | 'court';
    institutionName: string;
    noticeNumber: string | null;
    stage: string;
    ground: string;
    charges: string[];
    detained: boolean;
    detentionPlace: string | null;
  } | null;
  assignment: {
    id: string;
    status: 'pending' | 'accepted';
    assignedAt: string;
    respondBy: string;
    acceptedAt: string | null;
  } | null;
  deadlines: {
    period: PeriodKind;
    status: 'running' | 'paused';
    startedAt: string;
    dueAt: string;
    /** Years counted on the statutory holidays for want of a notice: the due time is provisional. */
    provisionalYears: number[];
  }[];
  documents: { id: string; kind: DocumentKind; number: string; issuedAt: string }[];
}
