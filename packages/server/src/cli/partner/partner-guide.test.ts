import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PartnerSignatureAlgorithm } from '@fayuan/domain';
import {
  bodyDigest,
  computeSignature,
  signRequest,
  stringToSign,
} from '../../platform/partner-signing/partner-signing.ts';

/**
 * docs/partner-guide.md section 10 is a worked example partners check their code against: its
 * values are read from the page and recomputed with the pinned scheme, and the page's Node and
 * openssl snippets are run, so the page cannot drift from the code.
 */
const guidePath = fileURLToPath(new URL('../../../../../docs/partner-guide.md', import.meta.url));
const guide = readFileSync(guidePath, 'utf8');
const example = guide.slice(guide.indexOf('## 10.'), guide.indexOf('## 11.'));

function field(block: string, name: string): string {
  const match = new RegExp(`^${name.replace(/[()]/g, '\\$&')}:[ ]+(.+)$`, 'm').exec(block);
  if (!match) throw new Error(`the worked example has no "${name}:" line`);
  return match[1]!;
}

function blockAfter(heading: string): string {
  const at = example.indexOf(heading);
  if (at < 0) throw new Error(`no "${heading}" in the worked example`);
  const open = example.indexOf('```text', at);
  return example.slice(open + '```text'.length, example.indexOf('```', open + 7));
}

const inputs = blockAfter('输入 / Inputs');
const parts = {
  method: field(inputs, 'method'),
  pathWithQuery: field(inputs, 'path'),
  timestamp: field(inputs, 'timestamp'),
  nonce: field(inputs, 'nonce'),
  body: field(inputs, 'body'),
};
const secret = field(inputs, 'secret');
const keyId = field(inputs, 'keyId');

describe('the partner guide worked example (docs/partner-guide.md section 10)', () => {
  it.each([
    ['hmac-sha256', 'sha256(body)'],
    ['hmac-sm3', 'sm3(body)'],
  ] as const)(
    '%s: the digest, the string to sign and the signature are what the scheme computes',
    (algorithm, digestLabel) => {
      const block = blockAfter(`**${algorithm}**`);
      expect(field(block, digestLabel)).toBe(bodyDigest(algorithm, parts.body));
      expect(field(block, 'string to sign').replaceAll('\\n', '\n')).toBe(stringToSign(algorithm, parts));
      const signature = computeSignature(algorithm, secret, parts);
      expect(field(block, 'signature')).toBe(signature);
      expect(field(block, 'header')).toBe(`X-Fayuan-Signature: ${algorithm}=${signature}`);
      const headers = signRequest({
        keyId,
        secret,
        algorithm,
        method: parts.method,
        pathWithQuery: parts.pathWithQuery,
        body: parts.body,
        now: new Date(Number(parts.timestamp) * 1000),
        nonce: parts.nonce,
      });
      expect(headers).toEqual({
        'X-Fayuan-Key': keyId,
        'X-Fayuan-Timestamp': parts.timestamp,
        'X-Fayuan-Nonce': parts.nonce,
        'X-Fayuan-Signature': `${algorithm}=${signature}`,
      });
    },
  );

  it('the Node snippet prints both signatures', () => {
    const open = example.indexOf('```js');
    const code = example.slice(open + '```js'.length, example.indexOf('```', open + 5));
    const printed = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    const expected = (['hmac-sha256', 'hmac-sm3'] as PartnerSignatureAlgorithm[]).map(
      (algorithm) => `${algorithm}=${computeSignature(algorithm, secret, parts)}`,
    );
    expect(printed.trim().split('\n')).toEqual(expected);
  });

  it('the openssl one-liner prints the signature for H=sha256 and H=sm3', () => {
    const open = example.indexOf('```bash');
    const line = example.slice(open + '```bash'.length, example.indexOf('```', open + 7)).trim();
    expect(line.startsWith('H=sha256;')).toBe(true);
    for (const [hash, algorithm] of [
      ['sha256', 'hmac-sha256'],
      ['sm3', 'hmac-sm3'],
    ] as const) {
      const printed = execFileSync('bash', ['-c', line.replace('H=sha256;', `H=${hash};`)], {
        encoding: 'utf8',
      });
      expect(printed.trim()).toBe(computeSignature(algorithm, secret, parts));
    }
  });
});
