import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealed {
  sealed: Buffer;
  hash: Buffer;
}

/**
 * Encryption at rest for identity and phone numbers. AES-256-GCM with a fresh IV per value; the
 * layout is `version | iv | tag | ciphertext` so keys and algorithms (e.g. SM4 for 密评) can rotate.
 * Beside it an HMAC-SHA-256 of the normalised value allows exact lookup without decrypting.
 * Both keys are derived from the one secret with HKDF, each for its own purpose.
 */
export class FieldCipher {
  readonly #encKey: Buffer;
  readonly #macKey: Buffer;
  readonly #checkpointKey: Buffer;

  constructor(secret: string) {
    const ikm = Buffer.from(secret, 'utf8');
    this.#encKey = Buffer.from(hkdfSync('sha256', ikm, 'fayuan', 'field-encryption/v1', 32));
    this.#macKey = Buffer.from(hkdfSync('sha256', ikm, 'fayuan', 'lookup-hash/v1', 32));
    this.#checkpointKey = Buffer.from(hkdfSync('sha256', ikm, 'fayuan', 'audit-checkpoint/v1', 32));
  }

  seal(value: string): Sealed {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#encKey, iv);
    const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return {
      sealed: Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]),
      hash: this.lookupHash(value),
    };
  }

  open(sealed: Buffer): string {
    if (sealed[0] !== VERSION) throw new Error('unknown sealed-field version');
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.#encKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  /** Keyed hash of the normalised value (spaces dropped, letters upper-cased: ID numbers end in X). */
  lookupHash(value: string): Buffer {
    return createHmac('sha256', this.#macKey).update(normalise(value)).digest();
  }

  /** A keyed signature for any purpose string (e.g. audit chain, webhook payloads). */
  sign(purpose: string, data: string): string {
    return createHmac('sha256', this.#macKey).update(purpose).update('\0').update(data).digest('hex');
  }

  /** The signature of an audit checkpoint (ADR 0008), with a key used for nothing else. */
  signCheckpoint(data: string): string {
    return createHmac('sha256', this.#checkpointKey).update(data).digest('hex');
  }

  /** Compares in constant time, so a forger learns nothing from how long a refusal takes. */
  checkpointSignatureValid(data: string, signature: string): boolean {
    const expected = Buffer.from(this.signCheckpoint(data), 'hex');
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function normalise(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Shows the first 3 and last 4 characters of a phone number: 138****5678. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
