import { afterEach, describe, expect, it } from 'vitest';
import { signRequest } from '../../platform/partner-signing/partner-signing.ts';
import { startCallbackReceiver, type CallbackReceiver } from './callback-receiver.ts';

const KEY = 'fyo_test_callback_key';
const SECRET = 'callback-secret-for-the-receiver-test';
const EVENT = {
  id: '7b0c6f0e-3c1a-4a51-9f3e-2f5d6f7a8b9c',
  cursor: '41',
  kind: 'handler_assigned',
  occurredAt: '2026-12-04T08:00:00.000Z',
  data: { noticeId: 'a1', handler: { name: '张律师' } },
};

let receiver: CallbackReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** POSTs `body` to the receiver, signed with `signRequest` unless the headers are given. */
async function post(
  target: CallbackReceiver,
  body: string,
  sign: {
    secret?: string;
    keyId?: string;
    now?: Date;
    nonce?: string;
    algorithm?: 'hmac-sha256' | 'hmac-sm3';
  } = {},
  path = '/fayuan/callbacks?source=fayuan',
  sendBody = body,
) {
  const headers = signRequest({
    keyId: sign.keyId ?? KEY,
    secret: sign.secret ?? SECRET,
    algorithm: sign.algorithm,
    method: 'POST',
    pathWithQuery: path,
    body,
    now: sign.now,
    nonce: sign.nonce,
  });
  const response = await fetch(target.url + path, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: sendBody,
  });
  const text = await response.text();
  return {
    status: response.status,
    code: text ? (JSON.parse(text) as { error: { code: string } }).error.code : null,
  };
}

describe('the simulator callback receiver (real sockets, the pinned scheme)', () => {
  it('accepts a callback signed with signRequest, with either algorithm, and keeps the event', async () => {
    receiver = await startCallbackReceiver({ secret: SECRET, keyId: KEY });
    const body = JSON.stringify(EVENT);
    expect(await post(receiver, body)).toEqual({ status: 204, code: null });
    expect(await post(receiver, body, { algorithm: 'hmac-sm3' })).toEqual({ status: 204, code: null });
    expect(receiver.received.map((r) => r.event)).toEqual([EVENT, EVENT]);
    expect(receiver.received[0]!.path).toBe('/fayuan/callbacks?source=fayuan');
    await expect(receiver.waitFor((r) => r.event.kind === 'handler_assigned')).resolves.toMatchObject({
      keyId: KEY,
    });
  });

  it('refuses a tampered body, a wrong secret, a changed path and another key, and keeps nothing', async () => {
    receiver = await startCallbackReceiver({ secret: SECRET, keyId: KEY });
    const body = JSON.stringify(EVENT);
    const tampered = body.replace('张律师', '李律师');
    expect(await post(receiver, body, {}, undefined, tampered)).toEqual({
      status: 401,
      code: 'PARTNER_SIGNATURE_INVALID',
    });
    expect(await post(receiver, body, { secret: 'another-secret' })).toEqual({
      status: 401,
      code: 'PARTNER_SIGNATURE_INVALID',
    });
    expect(await post(receiver, body, { keyId: 'fyo_other' })).toEqual({
      status: 401,
      code: 'PARTNER_KEY_REVOKED',
    });
    const signedForOtherPath = signRequest({
      keyId: KEY,
      secret: SECRET,
      method: 'POST',
      pathWithQuery: '/fayuan/callbacks',
      body,
    });
    const moved = await fetch(`${receiver.url}/fayuan/callbacks?source=other`, {
      method: 'POST',
      headers: signedForOtherPath,
      body,
    });
    expect(moved.status).toBe(401);
    const unsigned = await fetch(`${receiver.url}/fayuan/callbacks`, { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    expect(receiver.received).toEqual([]);
  });

  it('refuses a timestamp more than 300 s away, either side, and accepts one at the edge', async () => {
    const now = new Date('2026-12-04T08:00:00Z');
    receiver = await startCallbackReceiver({ secret: SECRET, now: () => now });
    const body = JSON.stringify(EVENT);
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    expect(await post(receiver, body, { now: at(-301) })).toEqual({
      status: 401,
      code: 'PARTNER_TIMESTAMP_SKEW',
    });
    expect(await post(receiver, body, { now: at(301) })).toEqual({
      status: 401,
      code: 'PARTNER_TIMESTAMP_SKEW',
    });
    expect(await post(receiver, body, { now: at(-300) })).toEqual({ status: 204, code: null });
    expect(receiver.received).toHaveLength(1);
  });

  it('refuses a replayed nonce for 600 s, then forgets it; a forged request does not burn a nonce', async () => {
    let now = new Date('2026-12-04T08:00:00Z');
    receiver = await startCallbackReceiver({ secret: SECRET, now: () => now });
    const body = JSON.stringify(EVENT);
    const nonce = 'replayed_nonce-0123456789';
    expect(await post(receiver, body, { nonce, secret: 'forger' })).toEqual({
      status: 401,
      code: 'PARTNER_SIGNATURE_INVALID',
    });
    expect(await post(receiver, body, { nonce, now })).toEqual({ status: 204, code: null });
    expect(await post(receiver, body, { nonce, now })).toEqual({ status: 401, code: 'PARTNER_NONCE_REUSED' });
    now = new Date(now.getTime() + 599_000);
    expect(await post(receiver, body, { nonce, now })).toEqual({ status: 401, code: 'PARTNER_NONCE_REUSED' });
    now = new Date(now.getTime() + 2_000);
    expect(await post(receiver, body, { nonce, now })).toEqual({ status: 204, code: null });
    expect(await post(receiver, body, { nonce: 'short', now })).toEqual({
      status: 401,
      code: 'PARTNER_SIGNATURE_INVALID',
    });
  });

  it('answers 503 while down (--down-for), then accepts the retried callback', async () => {
    let now = new Date('2026-12-04T08:00:00Z');
    receiver = await startCallbackReceiver({ secret: SECRET, downForSeconds: 30, now: () => now });
    const body = JSON.stringify(EVENT);
    expect((await post(receiver, body, { now })).status).toBe(503);
    now = new Date(now.getTime() + 31_000);
    expect(await post(receiver, body, { now })).toEqual({ status: 204, code: null });
    expect(receiver.received).toHaveLength(1);
  });
});
