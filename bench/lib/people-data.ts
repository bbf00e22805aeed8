/**
 * Made-up applicants for the benchmarks: reproducible (a seeded generator), Chinese names with
 * their pinyin as the people module computes it, mobile numbers in the 137 range. Nothing here is
 * or resembles real personal data.
 */
import { randomUUID } from 'node:crypto';
import { beijingDateOf, type LocalDate } from '@fayuan/domain';
import { persons } from '../../packages/server/src/db/schema/index.ts';
import {
  namePinyin,
  normaliseFields,
  toColumns,
} from '../../packages/server/src/modules/people/person-fields.ts';
import type { BenchApp } from './fayuan.ts';

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = '芳伟娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红波宁斌浩亮凯文';

export interface MadeUpName {
  name: string;
  namePinyin: string;
  nameInitials: string;
}

const pinyinCache = new Map<string, MadeUpName>();

/** A name of one surname and one or two given characters, with its (cached) pinyin. */
export function madeUpName(random: () => number): MadeUpName {
  const given = pick(random, [...GIVEN]) + (random() < 0.7 ? pick(random, [...GIVEN]) : '');
  const name = pick(random, [...SURNAMES]) + given;
  let found = pinyinCache.get(name);
  if (!found) {
    const { full, initials } = namePinyin(name);
    found = { name, namePinyin: full, nameInitials: initials };
    pinyinCache.set(name, found);
  }
  return found;
}

/**
 * Registers `count` applicants owned by `ownerOrgId`, each with a distinct mobile number, built by
 * the people module's own field code (normalised, pinyin computed, phone sealed beside its hash)
 * and inserted in batches. Faster than the API by far, which matters when thousands are needed
 * before a run; the API's own cost is not what the benchmarks using them measure.
 */
export async function registerApplicants(
  bench: BenchApp,
  ownerOrgId: string,
  createdBy: string,
  count: number,
  seed = 1,
): Promise<string[]> {
  const random = seededRandom(seed);
  const now = bench.deps.clock.now();
  const today = beijingDateOf(now) as LocalDate;
  const ids: string[] = [];
  const batch: (typeof persons.$inferInsert)[] = [];
  const flush = async () => {
    if (batch.length > 0) await bench.deps.db.insert(persons).values(batch);
    batch.length = 0;
  };
  for (let i = 0; i < count; i++) {
    const fields = normaliseFields(
      {
        name: madeUpName(random).name,
        documentType: 'resident_id',
        idNumber: null,
        birthDate: null,
        sex: null,
        phone: `137${String(10_000_000 + i).padStart(8, '0')}`,
        address: null,
        categories: [],
        householdMembers: [],
        representativeName: null,
        representativeRole: null,
        representativeRelation: null,
        representativePhone: null,
      },
      today,
    );
    const id = randomUUID();
    ids.push(id);
    batch.push({
      id,
      ownerOrgId,
      ...toColumns(bench.deps.cipher, fields),
      createdBy,
      createdAt: now,
      updatedAt: now,
    });
    if (batch.length === 500) await flush();
  }
  await flush();
  return ids;
}

/** Matters in scope of LAL art.31 (rule seed 0003), with a plausible opposing party and facts. */
const CLAIMS = [
  {
    matter: 'labour_remuneration',
    opposingParty: '北京某建筑公司',
    facts: '申请人在工地工作六个月，公司拖欠工资三万元。',
    requestedHelp: '代理劳动仲裁，追讨欠薪。',
  },
  {
    matter: 'maintenance',
    opposingParty: '申请人之子',
    facts: '申请人年逾七十，子女拒绝支付赡养费。',
    requestedHelp: '代理诉讼，请求给付赡养费。',
  },
  {
    matter: 'personal_injury_traffic',
    opposingParty: '某运输公司',
    facts: '申请人骑车时被货车撞伤，住院两个月，对方拒绝赔偿。',
    requestedHelp: '代理诉讼，请求人身损害赔偿。',
  },
  {
    matter: 'social_insurance',
    opposingParty: '某物业公司',
    facts: '用人单位未为申请人缴纳社会保险，申请人无法享受待遇。',
    requestedHelp: '代理劳动仲裁，请求补缴社会保险。',
  },
] as const;

/**
 * The body of `POST /api/v1/applications` for one applicant: a claim by a low-income household
 * under the integrity pledge (as the tests' `wageClaim`), the matter and household varying.
 */
export function applicationBody(applicantId: string, random: () => number): Record<string, unknown> {
  const claim = pick(random, CLAIMS);
  const members = 1 + Math.floor(random() * 4);
  return {
    applicantId,
    channel: random() < 0.8 ? 'window' : 'phone',
    matter: claim.matter,
    caseType: 'civil',
    opposingParty: claim.opposingParty,
    facts: claim.facts,
    requestedHelp: claim.requestedHelp,
    hardshipBasis: 'integrity_pledge',
    household: { members, monthlyIncomeFen: members * (150_000 + Math.floor(random() * 100_000)) },
    materialsProvided: ['identity_document', 'integrity_pledge'],
  };
}
