import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { partnerKeys } from '../packages/server/src/db/schema/index.ts';
import { handlers } from '../packages/server/src/db/schema/handlers.ts';
import {
  startCallbackReceiver,
  type CallbackReceiver,
} from '../packages/server/src/cli/partner/callback-receiver.ts';
import { PartnerClient, type PartnerResponse } from '../packages/server/src/cli/partner/client.ts';
import { exampleNotice } from '../packages/server/src/cli/partner/examples.ts';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { Session } from '../packages/server/test/harness.ts';
import { readPdf, withoutSpace } from '../packages/server/test/pdf-text.ts';
import { confirmPopover, POLL, signedIn, stateOf } from './support/pages.ts';
import { buildLawyer } from './support/people.ts';
import { browserSuite } from './support/suite.ts';

/**
 * The court's journey (issue 13), in Debian's Chromium on the real app, the court played by the
 * partner simulator's own client: the administrator registers a court of 海淀 as a partner; the
 * court sends a death-penalty-review notice (LAL art.25(1)(5)) signed with its key; the notice is
 * in the 海淀 centre's inbox (来件); the director assigns the recommended lawyer, one with three
 * years of criminal defence (LAL art.26); the lawyer accepts; the court's status query shows the
 * lawyer's name, firm and licence number, and the court fetches the 法律援助公函 with a signed GET.
 * The simulator's callback receiver, registered as the court's callback URL, gets handler_assigned.
 */
const suite = browserSuite();
afterAll(() => receiver?.close());

const DEFENDANT = '韩复核';
const FIRM = '北京市明理律师事务所';

interface NoticeStatus {
  id: string;
  status: string;
  handler: { name: string; firm: string; licenceNumber: string; phone: string } | null;
  documents: Array<{ id: string; kind: string; number: string; issuedAt: string; url: string }>;
}

let court: PartnerClient;
let receiver: CallbackReceiver;
/** The court's own key for its notice (header values are ASCII; the case number is not). */
const IDEMPOTENCY_KEY = `court-notice-${Date.now().toString(36)}`;
let noticeId = '';
let caseNumber = '';
let director: { username: string };
let lawyer: { username: string };
let courtPartnerId = '';

async function partnerSetUp(): Promise<void> {
  const { context } = suite.server;
  const { deps, app } = context;
  director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
  lawyer = await buildLawyer(deps, '严律师', { years: 6, firm: FIRM });
  await buildLawyer(deps, '新律师', { years: 1, firm: FIRM });

  // The callback receiver stands for the court's system; its secret comes once the partner exists.
  let callbackSecret = '';
  receiver = await startCallbackReceiver({ secret: () => callbackSecret });

  const admin = new Session(app, 'zh-CN');
  expect((await admin.login(suite.server.admin.username, suite.server.admin.password)).statusCode).toBe(200);
  const created = await admin.post('/api/v1/partners', {
    kind: 'court',
    name: '北京市海淀区人民法院（模拟）',
    organisationId: ORG.haidian,
    operations: ['criminal_notices'],
    callbackUrl: `${receiver.url}/fayuan/callbacks`,
  });
  expect(created.statusCode, created.body).toBe(201);
  const { id: partnerId, keyId, secret } = created.json<{ id: string; keyId: string; secret: string }>();
  court = new PartnerClient({ url: suite.server.baseUrl, keyId, secret, algorithm: 'hmac-sm3' });
  courtPartnerId = partnerId;

  // Fayuan's outbound key for this court (the registry shows it once on the 合作机构 page).
  const [outbound] = await deps.db
    .select({ sealed: partnerKeys.secretSealed })
    .from(partnerKeys)
    .where(and(eq(partnerKeys.partnerId, partnerId), eq(partnerKeys.direction, 'outbound')));
  expect(outbound).toBeDefined();
  callbackSecret = deps.cipher.open(outbound!.sealed);
}

async function status(): Promise<NoticeStatus> {
  const response: PartnerResponse = await court.request('GET', `/criminal-notices/${noticeId}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as NoticeStatus;
}

describe('a court notifies 海淀 through the partner API (通知辩护, issue 13)', () => {
  it('the court sends a signed death-penalty-review notice and gets its id and the 3-day due date', async () => {
    await partnerSetUp();
    expect((await court.request('GET', '/whoami')).status).toBe(200);
    const body = exampleNotice('death-penalty-review', {
      defendant: { name: DEFENDANT, sex: 'male', detained: true, detentionPlace: '北京市第一看守所' },
    });
    expect(body).toMatchObject({ stage: 'death_penalty_review', ground: 'death_penalty_review' });
    caseNumber = body.institutionCaseNumber;
    const sent = await court.request('POST', '/criminal-notices', body, { idempotencyKey: IDEMPOTENCY_KEY });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const answer = sent.body as { id: string; receivedAt: string; assignmentDueDate: string; status: string };
    expect(answer.status).toBe('received');
    expect(answer.assignmentDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    noticeId = answer.id;
    // A retry with the same key and body is the same answer, not a second case.
    const retried = await court.request('POST', '/criminal-notices', body, {
      idempotencyKey: IDEMPOTENCY_KEY,
    });
    expect(retried.status).toBe(201);
    expect((retried.body as { id: string }).id).toBe(noticeId);
    expect((await status()).status).toBe('received');
  });

  it('the notice is in the 海淀 inbox; the director assigns the recommended qualified lawyer', async () => {
    const page = await signedIn(suite.browser, suite.server.baseUrl, director.username, '批量指派');
    await page.getByRole('menuitem', { name: /来件/ }).click();
    const row = page.getByRole('row').filter({ hasText: DEFENDANT });
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.innerText()).toContain(caseNumber);
    await row.getByRole('link').first().click();
    await expect.poll(() => stateOf(page), POLL).toBe('待指派');
    await page.getByRole('button', { name: /^指\s*派$/ }).click();
    const dialog = page.getByRole('dialog');
    const junior = dialog.locator('[data-testid="candidate"][data-handler="新律师"]');
    await expect.poll(() => junior.getAttribute('data-eligible'), POLL).toBe('false');
    await expect.poll(() => dialog.getByTestId('best').innerText(), POLL).toContain('严律师');
    await dialog.getByRole('button', { name: '指派推荐人选' }).click();
    await expect.poll(() => stateOf(page), POLL).toBe('已指派');
  });

  it('the court hears of the assignment by callback, and the lawyer accepts the case', async () => {
    // Pulled (GET /events): the court without a callback URL would learn it this way.
    const pulled = async () => {
      const response = await court.request('GET', '/events');
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return (response.body as { events: Array<{ kind: string }> }).events.map((event) => event.kind);
    };
    await expect.poll(pulled, POLL).toContain('handler_assigned');
    // Pushed: the signed callback reached the simulator's receiver and verified (the only partner
    // case in this database, so the first handler_assigned is this notice's). Branch D's delivery
    // runs from the outbox; the merger makes sure the e2e server dispatches it.
    const callback = await receiver.waitFor((c) => c.event.kind === 'handler_assigned', POLL.timeout);
    expect(callback.event.id).not.toBe('');
    expect(Number.isNaN(Date.parse(callback.event.occurredAt))).toBe(false);

    const page = await signedIn(suite.browser, suite.server.baseUrl, lawyer.username, '我的案件');
    await page.getByRole('menuitem', { name: '我的案件' }).click();
    const row = page.getByRole('row').filter({ hasText: DEFENDANT });
    await expect.poll(() => row.count(), POLL).toBe(1);
    await row.getByRole('link').first().click();
    await page.getByRole('button', { name: /^接\s*受$/ }).click();
    await confirmPopover(page);
    await expect.poll(() => stateOf(page), POLL).toBe('承办中');
  });

  it("the court's status query names the lawyer, firm and licence, and the 公函 PDF is fetched signed", async () => {
    const [handler] = await suite.server.context.deps.db
      .select({ licenceNumber: handlers.licenceNumber })
      .from(handlers)
      .where(eq(handlers.name, '严律师'));
    // `assigned` once a handler is on the case (the list; acceptance may refine it).
    await expect.poll(async () => (await status()).handler?.name, POLL).toBe('严律师');
    expect((await status()).status).not.toBe('received');
    const current = await status();
    expect(current.handler).toMatchObject({
      name: '严律师',
      firm: FIRM,
      licenceNumber: handler!.licenceNumber,
    });

    const letter = current.documents.find((document) => document.kind === 'assignment_letter');
    expect(letter, JSON.stringify(current.documents)).toBeDefined();
    const pdf = await court.request('GET', new URL(letter!.url, suite.server.baseUrl).pathname);
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toContain('application/pdf');
    expect(pdf.raw.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = withoutSpace((await readPdf(pdf.raw)).text);
    expect(text).toContain('严律师');
    expect(text).toContain(DEFENDANT);

    // An unsigned GET of the same letter is refused: the door takes nothing without a signature.
    const unsigned = await fetch(new URL(letter!.url, suite.server.baseUrl));
    expect(unsigned.status).toBe(401);
  });
  it('the administrator sees the callback delivered on the court’s 回调投递记录', async () => {
    const page = await signedIn(
      suite.browser,
      suite.server.baseUrl,
      suite.server.admin.username,
      '合作机构',
      { password: suite.server.admin.password },
    );
    await page.goto(`${suite.server.baseUrl}/partners/${courtPartnerId}`);
    await page.getByRole('tab', { name: '回调投递记录' }).click();
    const row = page.getByRole('row', { name: /已指派承办人/ });
    await expect.poll(() => row.first().textContent(), POLL).toContain('已送达');
    await page.context().close();
  });
});
