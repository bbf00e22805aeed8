import { randomInt } from 'node:crypto';
import {
  CRIMINAL_NOTICE_GROUNDS,
  CRIMINAL_STAGES,
  SEXES,
  type CriminalNoticeGround,
  type CriminalStage,
  type Sex,
} from '@fayuan/domain';

/**
 * The body of `POST /api/partner/v1/criminal-notices` (issue 13, pinned): the same stage and
 * ground codes as the staff notice, the defendant matched or created in the person registry.
 */
export interface PartnerNoticeBody {
  institutionCaseNumber: string;
  stage: CriminalStage;
  ground: CriminalNoticeGround;
  charges: string[];
  defendant: {
    name: string;
    idNumber?: string;
    sex?: Sex;
    birthDate?: string;
    detained: boolean;
    detentionPlace?: string;
  };
  courtDistrictCode?: string;
  facts?: string;
}

export const NOTICE_EXAMPLES = ['death-penalty-review', 'first-instance'] as const;
export type NoticeExample = (typeof NOTICE_EXAMPLES)[number];

/** A fresh, recognisably simulated case number, so each run opens a new notice. */
export function simulatedCaseNumber(kind: '刑核' | '刑初'): string {
  return `（${new Date().getFullYear()}）模拟${kind}字第${randomInt(100000, 999999)}号`;
}

/**
 * The two examples the simulator sends. Death-penalty review: a defendant in 死刑复核 is notified
 * under LAL art.25(1)(5) (`death_penalty_review`) and needs a lawyer with three years of criminal
 * defence (LAL art.26). First instance: a defendant who may be sentenced to life or death, LAL
 * art.25(1)(4) (`life_or_death_sentence`). Names and facts are fictional.
 */
export function exampleNotice(
  example: NoticeExample,
  overrides: Partial<PartnerNoticeBody> = {},
): PartnerNoticeBody {
  const base: PartnerNoticeBody =
    example === 'death-penalty-review'
      ? {
          institutionCaseNumber: simulatedCaseNumber('刑核'),
          stage: 'death_penalty_review',
          ground: 'death_penalty_review',
          charges: ['故意杀人罪'],
          defendant: {
            name: '韩模拟',
            sex: 'male',
            birthDate: '1980-05-17',
            detained: true,
            detentionPlace: '北京市第一看守所',
          },
          facts: '（模拟数据）被告人经一审、二审判处死刑，案件报请死刑复核。',
        }
      : {
          institutionCaseNumber: simulatedCaseNumber('刑初'),
          stage: 'trial_first_instance',
          ground: 'life_or_death_sentence',
          charges: ['抢劫罪'],
          defendant: {
            name: '齐模拟',
            sex: 'female',
            birthDate: '1991-11-02',
            detained: true,
            detentionPlace: '北京市海淀区看守所',
          },
          facts: '（模拟数据）被告人可能被判处无期徒刑以上刑罚。',
        };
  return { ...base, ...overrides, defendant: { ...base.defendant, ...overrides.defendant } };
}

/**
 * The pinned fields a notice must carry, checked before sending so the simulator's own examples
 * and files fail early with a readable list rather than a 400 from the server.
 */
export function noticeProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['the notice is not a JSON object'];
  const body = value as Record<string, unknown>;
  if (typeof body.institutionCaseNumber !== 'string' || body.institutionCaseNumber.trim() === '')
    problems.push('institutionCaseNumber: a non-empty string');
  if (!(CRIMINAL_STAGES as readonly unknown[]).includes(body.stage))
    problems.push(`stage: one of ${CRIMINAL_STAGES.join(', ')}`);
  if (typeof body.ground !== 'string' || !(body.ground in CRIMINAL_NOTICE_GROUNDS))
    problems.push(`ground: one of ${Object.keys(CRIMINAL_NOTICE_GROUNDS).join(', ')}`);
  if (
    !Array.isArray(body.charges) ||
    body.charges.length === 0 ||
    !body.charges.every((c) => typeof c === 'string' && c !== '')
  )
    problems.push('charges: at least one charge');
  const defendant = body.defendant as Record<string, unknown> | undefined;
  if (typeof defendant !== 'object' || defendant === null) problems.push('defendant: an object');
  else {
    if (typeof defendant.name !== 'string' || defendant.name.trim() === '')
      problems.push('defendant.name: a non-empty string');
    if (typeof defendant.detained !== 'boolean') problems.push('defendant.detained: true or false');
    if (defendant.sex !== undefined && !(SEXES as readonly unknown[]).includes(defendant.sex))
      problems.push(`defendant.sex: one of ${SEXES.join(', ')}`);
    if (defendant.birthDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(defendant.birthDate)))
      problems.push('defendant.birthDate: YYYY-MM-DD');
  }
  return problems;
}
