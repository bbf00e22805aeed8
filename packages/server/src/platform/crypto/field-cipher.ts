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
/** Stored files start with this header: "FYEF" (Fayuan encrypted file) and a format version. */
const FILE_MAGIC = Buffer.from('FYEF', 'ascii');
const FILE_VERSION = 1;
const FILE_HEADER_BYTES = FILE_MAGIC.length + 1;

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
  readonly #fileKey: Buffer;
  readonly #checkpointKey: Buffer;

  constructor(secret: string) {
    const ikm = Buffer.from(secret, 'utf8');
    this.#encKey = Buffer.from(hkdfSync('sha256', ikm, 'fayuan', 'field-encryption/v1', 32));
    this.#macKey = Buffer.from(hkdfSync('sha256', ikm, 'fayuan', 'lookup-hash/v1', 32));
    this.#fileKey = Buffer.from(hkdfSync('sha256', ikm, 'fayuan', 'file-encryption/v1', 32));
    this.#checkpointKey = Buffer.from(hkdfSync('sha256', ikm, 'fayuan', 'audit-checkpoint/v1', 32));
  }

  /**
   * Encrypts a stored file (ID scans, closing materials, issued documents) with the file key:
   * `FYEF | version | nonce | tag | ciphertext`, AES-256-GCM with a fresh nonce per file. The
   * header and the file's storage key are authenticated, so a file moved to another key fails.
   */
  sealFile(data: Buffer, storageKey: string): Buffer {
    const header = Buffer.concat([FILE_MAGIC, Buffer.from([FILE_VERSION])]);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#fileKey, iv);
    cipher.setAAD(Buffer.concat([header, Buffer.from(storageKey, 'utf8')]));
    const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
    return Buffer.concat([header, iv, cipher.getAuthTag(), ciphertext]);
  }

  /** Whether stored bytes are in the sealed-file format (files written before it are plaintext). */
  static isSealedFile(stored: Buffer): boolean {
    return stored.length >= FILE_HEADER_BYTES && stored.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC);
  }

  openFile(stored: Buffer, storageKey: string): Buffer {
    if (!FieldCipher.isSealedFile(stored)) throw new Error('not a sealed file');
    if (stored[FILE_MAGIC.length] !== FILE_VERSION) throw new Error('unknown sealed-file version');
    const header = stored.subarray(0, FILE_HEADER_BYTES);
    const iv = stored.subarray(FILE_HEADER_BYTES, FILE_HEADER_BYTES + IV_BYTES);
    const tag = stored.subarray(FILE_HEADER_BYTES + IV_BYTES, FILE_HEADER_BYTES + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.#fileKey, iv);
    decipher.setAAD(Buffer.concat([header, Buffer.from(storageKey, 'utf8')]));
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(stored.subarray(FILE_HEADER_BYTES + IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
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
