import { expect } from 'vitest';
import type { Role } from '@fayuan/domain';
import { Session, type TestContext } from '../../../test/harness.ts';
import { buildUser, PASSWORD } from '../../../test/factories.ts';

/** Test helpers shared by the applications test files (not a test file itself). */
export interface Staff {
  id: string;
  session: Session;
}

export async function signIn(t: TestContext, organisationId: string, roles: Role[]): Promise<Staff> {
  const user = await buildUser(t.deps, { organisationId, roles });
  const session = new Session(t.app, 'zh-CN');
  const response = await session.login(user.username, PASSWORD);
  expect(response.statusCode).toBe(200);
  return { id: user.id, session };
}

let serial = 0;
/** Registers an applicant with a phone number (so messages go out) and returns the person id. */
export async function registerApplicant(staff: Staff, name = '王芳'): Promise<string> {
  serial += 1;
  const response = await staff.session.post('/api/v1/persons', {
    name,
    phone: `1370000${String(1000 + serial).padStart(4, '0')}`,
  });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

/** A wage claim by a low-income household: in scope (LAL art.31) and under the 2025 line (2540). */
export function wageClaim(applicantId: string, overrides: Record<string, unknown> = {}) {
  return {
    applicantId,
    channel: 'window',
    matter: 'labour_remuneration',
    caseType: 'civil',
    opposingParty: '北京某建筑公司',
    facts: '申请人在工地工作六个月，公司拖欠工资三万元。',
    requestedHelp: '代理劳动仲裁，追讨欠薪。',
    hardshipBasis: 'integrity_pledge',
    household: { members: 3, monthlyIncomeFen: 3 * 200_000 },
    materialsProvided: ['identity_document', 'integrity_pledge'],
    ...overrides,
  };
}

export async function takeIn(staff: Staff, body: Record<string, unknown>) {
  const response = await staff.session.post('/api/v1/applications', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/**
 * A criminal notice (通知辩护, LAL art.25) recorded by `staff` for a newly registered defendant: an
 * ordinary-procedure theft trial at 海淀's court, not in custody, unless `overrides` say otherwise.
 */
export async function recordNotice(
  staff: Staff,
  defendant: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; number: string }> {
  const response = await postNotice(staff, defendant, overrides);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; number: string };
}

/** The request `recordNotice` sends, answered as it is (for tests of a refused notice). */
export async function postNotice(staff: Staff, defendant: string, overrides: Record<string, unknown> = {}) {
  const defendantId = await registerApplicant(staff, defendant);
  return staff.session.post('/api/v1/criminal-notices', {
    institutionKind: 'court',
    institutionName: '北京市海淀区人民法院',
    stage: 'trial_first_instance',
    ground: 'ordinary_procedure_court',
    charges: ['盗窃罪'],
    defendantId,
    detained: false,
    ...overrides,
  });
}

/** A scanned receipt (送达回证) as a tiny PDF. */
export const RECEIPT_PDF = Buffer.from('%PDF-1.4\n% signed delivery receipt\n%%EOF\n');

/**
 * Records the delivery of the application's document of `kind` on `deliveredOn`, with a receipt
 * uploaded as its proof; answers the response as it is.
 */
export async function deliver(
  staff: Pick<Staff, 'session'>,
  applicationId: string,
  kind: string,
  deliveredOn: string,
  method = 'post',
) {
  const detail = (await staff.session.get(`/api/v1/applications/${applicationId}`)).json();
  const document = detail.documents.find((d: { kind: string }) => d.kind === kind);
  expect(document, `a ${kind}`).toBeTruthy();
  const upload = await staff.session.request({
    method: 'POST',
    url: `/api/v1/applications/${applicationId}/attachments?name=${encodeURIComponent('送达回证.pdf')}`,
    payload: RECEIPT_PDF,
    headers: { 'content-type': 'application/pdf' },
  });
  expect(upload.statusCode, upload.body).toBe(201);
  return staff.session.post(`/api/v1/applications/${applicationId}/deliveries`, {
    documentId: document.id,
    method,
    deliveredOn,
    deliveredBy: '邮政EMS投递员李强',
    proofAttachmentId: upload.json().id,
  });
}
