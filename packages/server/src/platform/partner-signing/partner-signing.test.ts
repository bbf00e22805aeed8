import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  bodyDigest,
  computeSignature,
  parseSignatureHeader,
  signRequest,
  signaturesEqual,
  stringToSign,
} from './partner-signing.ts';

describe('partner signing scheme', () => {
  it('digests with SM3 as GB/T 32905 gives it (example 1: "abc")', () => {
    expect(bodyDigest('hmac-sm3', 'abc')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(bodyDigest('hmac-sha256', '')).toBe(createHash('sha256').update('').digest('hex'));
  });

  it('signs METHOD, path with query, timestamp, nonce and the body digest, one per line', () => {
    const parts = {
      method: 'post',
      pathWithQuery: '/api/partner/v1/criminal-notices?x=1',
      timestamp: '1796400000',
      nonce: 'abcdefghijklmnop',
      body: '{"a":1}',
    };
    expect(stringToSign('hmac-sha256', parts)).toBe(
      `POST\n/api/partner/v1/criminal-notices?x=1\n1796400000\nabcdefghijklmnop\n${bodyDigest('hmac-sha256', '{"a":1}')}`,
    );
    const sha = computeSignature('hmac-sha256', 'secret', parts);
    const sm3 = computeSignature('hmac-sm3', 'secret', parts);
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(sm3).not.toBe(sha);
    expect(computeSignature('hmac-sha256', 'secret', { ...parts, body: '{"a":2}' })).not.toBe(sha);
  });

  it('reads the signature header and compares in constant time', () => {
    const headers = signRequest({
      keyId: 'k1',
      secret: 's',
      method: 'GET',
      pathWithQuery: '/p',
      now: new Date(0),
    });
    expect(headers['X-Fayuan-Timestamp']).toBe('0');
    expect(headers['X-Fayuan-Nonce']).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    const parsed = parseSignatureHeader(headers['X-Fayuan-Signature']);
    expect(parsed?.algorithm).toBe('hmac-sha256');
    expect(parseSignatureHeader('hmac-md5=' + 'a'.repeat(64))).toBeNull();
    expect(parseSignatureHeader('hmac-sha256=ABC')).toBeNull();
    expect(signaturesEqual(parsed!.hex, parsed!.hex)).toBe(true);
    expect(signaturesEqual(parsed!.hex, 'a'.repeat(64))).toBe(false);
  });
});
