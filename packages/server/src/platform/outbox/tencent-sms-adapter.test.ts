import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Agent, createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outboxMessages } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { SimulatorAdapter } from './adapters.ts';
import { applyDeliveryReports, dispatchOutbox, enqueueMessage } from './outbox.ts';
import { TencentSmsAdapter, type TencentSmsConfig } from './tencent-sms-adapter.ts';

/**
 * A local endpoint standing in for sms.tencentcloudapi.com. It checks each request's TC3-HMAC-SHA256
 * signature as Tencent documents it (canonical request → string to sign → the date/service/
 * tc3_request key chain) and answers in Tencent's envelope, so the official SDK is exercised end to end.
 */
const SECRET_ID = 'AKIDfayuanTest0001';
const SECRET_KEY = 'tencent-test-secret-key-0001';
const BLACKLISTED = '+8613900000099';

interface Call {
  action: string;
  region: string;
  body: Record<string, unknown>;
}
const calls: Call[] = [];
const pending: Record<string, unknown>[] = [];
let serial = 0;
let server: Server;
/** Dials the local server whatever host the SDK names, so it signs for sms.tencentcloudapi.com. */
let agent: Agent;
const endpoint = 'http://sms.tencentcloudapi.com';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

function signatureValid(req: IncomingMessage, payload: Buffer): string | null {
  const auth = req.headers.authorization ?? '';
  const match =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/sms\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!match) return 'malformed Authorization';
  const [, secretId, date, signedHeaders, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (secretId !== SECRET_ID) return 'unknown SecretId';
  const timestamp = Number(req.headers['x-tc-timestamp']);
  if (Math.abs(Date.now() / 1000 - timestamp) > 300) return 'timestamp skew';
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return 'credential date';
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((name) => {
      // Tencent signs the host name without a port.
      const value =
        name === 'host' ? String(req.headers.host).replace(/:\d+$/, '') : String(req.headers[name] ?? '');
      return `${name}:${value.trim()}\n`;
    })
    .join('');
  const canonical = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256(payload)].join('\n');
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/sms/tc3_request`, sha256(canonical)].join(
    '\n',
  );
  const key = hmac(hmac(hmac(`TC3${SECRET_KEY}`, date), 'sms'), 'tc3_request');
  const expected = createHmac('sha256', key).update(toSign).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? null : 'signature mismatch';
}

function answer(requestId: string, response: Record<string, unknown>) {
  return JSON.stringify({ Response: { ...response, RequestId: requestId } });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const payload = Buffer.concat(chunks);
      const requestId = `req-${calls.length + 1}`;
      res.setHeader('content-type', 'application/json');
      const refused = signatureValid(req, payload);
      if (refused)
        return res.end(
          answer(requestId, { Error: { Code: 'AuthFailure.SignatureFailure', Message: refused } }),
        );
      const action = String(req.headers['x-tc-action']);
      const body = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
      calls.push({ action, region: String(req.headers['x-tc-region']), body });
      if (action === 'SendSms') {
        const phone = (body.PhoneNumberSet as string[])[0] ?? '';
        if (phone === BLACKLISTED)
          return res.end(
            answer(requestId, {
              SendStatusSet: [
                {
                  SerialNo: '',
                  PhoneNumber: phone,
                  Fee: 0,
                  SessionContext: body.SessionContext,
                  Code: 'FailedOperation.PhoneNumberInBlacklist',
                  Message: `phone ${phone} is in the blacklist`,
                  IsoCode: 'CN',
                },
              ],
            }),
          );
        serial += 1;
        const serialNo = `2645:${String(serial).padStart(10, '0')}`;
        return res.end(
          answer(requestId, {
            SendStatusSet: [
              {
                SerialNo: serialNo,
                PhoneNumber: phone,
                Fee: 1,
                SessionContext: body.SessionContext,
                Code: 'Ok',
                Message: 'send success',
                IsoCode: 'CN',
              },
            ],
          }),
        );
      }
      if (action === 'PullSmsSendStatus') {
        const reports = pending.splice(0, Number(body.Limit));
        return res.end(answer(requestId, { PullSmsSendStatusSet: reports }));
      }
      return res.end(answer(requestId, { Error: { Code: 'InvalidAction', Message: action } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  agent = new Agent();
  (agent as unknown as { createConnection: () => unknown }).createConnection = () =>
    connect(port, '127.0.0.1');
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  calls.length = 0;
  pending.length = 0;
});

let t: TestContext;
const config = (overrides: Partial<TencentSmsConfig> = {}): TencentSmsConfig => ({
  secretId: SECRET_ID,
  secretKey: SECRET_KEY,
  sdkAppId: '1400000001',
  signName: '北京市法律援助中心',
  region: 'ap-beijing',
  endpoint,
  templates: {
    otp_code: { id: '2000001', params: ['code', 'minutes'] },
    application_received: { id: '2000002', params: ['number'] },
  },
  ...overrides,
});

const queue = (recipient: string, template: string, params: Record<string, string | number>) =>
  t.deps.db.transaction((tx) => enqueueMessage(tx, t.deps, { channel: 'sms', recipient, template, params }));
const row = async (id: string) =>
  (await t.deps.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]!;
const email = new SimulatorAdapter();

describe('SMS through Tencent Cloud SMS (the official SDK against a local signed endpoint)', () => {
  it('sends by template with the variables in order; the message is sent (not delivered) under the serial number', async () => {
    const adapter = new TencentSmsAdapter(config(), { agent });
    const id = await queue('13812340001', 'otp_code', { code: '482913', minutes: 5 });
    await dispatchOutbox(t.deps, { sms: adapter, email });
    expect(calls).toEqual([
      {
        action: 'SendSms',
        region: 'ap-beijing',
        body: {
          PhoneNumberSet: ['+8613812340001'],
          SmsSdkAppId: '1400000001',
          SignName: '北京市法律援助中心',
          TemplateId: '2000001',
          TemplateParamSet: ['482913', '5'],
          SessionContext: id,
        },
      },
    ]);
    const sent = await row(id);
    expect(sent).toMatchObject({ status: 'sent', provider: 'tencent-sms', attempts: 1, lastError: null });
    expect(sent.providerMessageId).toMatch(/^2645:\d{10}$/);
    // The code is forgotten once sent, whatever the adapter.
    expect(sent.body).toBeNull();
  });

  it('a wrong secret is refused by the endpoint: the check is real, and the message is retried, not lost', async () => {
    const adapter = new TencentSmsAdapter(config({ secretKey: 'not-the-secret' }), { agent });
    const id = await queue('13812340002', 'application_received', { number: '京朝法援〔2026〕第00007号' });
    await dispatchOutbox(t.deps, { sms: adapter, email });
    const failed = await row(id);
    expect(failed.status).toBe('pending');
    expect(failed.lastError).toBe('Tencent SMS AuthFailure.SignatureFailure: signature mismatch');
    expect(failed.lastError).not.toContain('not-the-secret');
  });

  it('a delivery report turns sent into delivered, a failure report into failed with the carrier’s words; a report twice changes nothing', async () => {
    const adapter = new TencentSmsAdapter(config(), { agent });
    const ok = await queue('13812340003', 'application_received', { number: 'A-1' });
    const lost = await queue('13812340004', 'application_received', { number: 'A-2' });
    await dispatchOutbox(t.deps, { sms: adapter, email });
    const [okRow, lostRow] = [await row(ok), await row(lost)];
    const receivedAt = Math.floor(Date.now() / 1000) - 30;
    const reports = [
      {
        UserReceiveTime: receivedAt,
        CountryCode: '86',
        SubscriberNumber: '13812340003',
        PhoneNumber: '+8613812340003',
        SerialNo: okRow.providerMessageId,
        ReportStatus: 'SUCCESS',
        Description: '用户接收成功',
        SessionContext: ok,
      },
      {
        UserReceiveTime: receivedAt,
        CountryCode: '86',
        SubscriberNumber: '13812340004',
        PhoneNumber: '+8613812340004',
        SerialNo: lostRow.providerMessageId,
        ReportStatus: 'FAIL',
        Description: 'DELIVRD_FAIL 13812340004 关机',
        SessionContext: lost,
      },
    ];
    pending.push(...reports);
    expect(await applyDeliveryReports(t.deps, adapter)).toEqual({ delivered: 1, failed: 1, unmatched: 0 });
    expect(calls.at(-1)).toMatchObject({
      action: 'PullSmsSendStatus',
      body: { Limit: 100, SmsSdkAppId: '1400000001' },
    });
    expect(await row(ok)).toMatchObject({ status: 'delivered', reportedAt: new Date(receivedAt * 1000) });
    const failed = await row(lost);
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toBe('DELIVRD_FAIL 138****0004 关机');

    pending.push(...reports);
    expect(await applyDeliveryReports(t.deps, adapter)).toEqual({ delivered: 0, failed: 0, unmatched: 2 });
    expect((await row(ok)).status).toBe('delivered');
  });

  it('a number the carrier refuses, or a kind with no template, fails at once with the reason and no phone number', async () => {
    const adapter = new TencentSmsAdapter(config(), { agent });
    const refused = await queue('+8613900000099', 'application_received', { number: 'A-3' });
    const untemplated = await queue('13812340005', 'aid_granted', { number: 'A-4' });
    await dispatchOutbox(t.deps, { sms: adapter, email });
    expect(await row(refused)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError:
        'Tencent SMS FailedOperation.PhoneNumberInBlacklist: phone +86*******0099 is in the blacklist',
    });
    expect(await row(untemplated)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'no Tencent SMS template for the kind "aid_granted" (FAYUAN_TENCENT_SMS_TEMPLATES)',
    });
    expect(calls.filter((c) => c.action === 'SendSms')).toHaveLength(1);
  });
});
