import { describe, expect, it } from 'vitest';
import { FieldCipher, maskPhone } from './field-cipher.ts';

const cipher = new FieldCipher('a-test-secret-of-enough-length-0123456789');

describe('field cipher', () => {
  it('round-trips and never stores the plain text', () => {
    const { sealed } = cipher.seal('110101199003071234');
    expect(sealed.toString('latin1')).not.toContain('1101011990');
    expect(cipher.open(sealed)).toBe('110101199003071234');
  });

  it('uses a fresh IV so equal values do not look equal at rest, while the lookup hash matches', () => {
    const a = cipher.seal('13812345678');
    const b = cipher.seal('13812345678');
    expect(a.sealed.equals(b.sealed)).toBe(false);
    expect(a.hash.equals(b.hash)).toBe(true);
    expect(cipher.lookupHash(' 110101199003071234x ').equals(cipher.lookupHash('110101199003071234X'))).toBe(
      true,
    );
  });

  it('detects tampering and refuses another key', () => {
    const { sealed } = cipher.seal('13812345678');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => cipher.open(tampered)).toThrow();
    expect(() => new FieldCipher('another-secret-of-enough-length-987654321').open(sealed)).toThrow();
  });

  it('masks phone numbers for display', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12348')).toBe('*****');
  });
});

describe('file sealing', () => {
  const scan = Buffer.from('%PDF-1.4\n% 110101199003071234\n%%EOF\n');

  it('round-trips, with a header, a fresh nonce per file and no plaintext', () => {
    const a = cipher.sealFile(scan, 'attachments/2026/key-a');
    const b = cipher.sealFile(scan, 'attachments/2026/key-a');
    expect(a.subarray(0, 5)).toEqual(Buffer.from([0x46, 0x59, 0x45, 0x46, 1])); // FYEF, version 1
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('1101011990'))).toBe(false);
    expect(FieldCipher.isSealedFile(a)).toBe(true);
    expect(FieldCipher.isSealedFile(scan)).toBe(false);
    expect(cipher.openFile(a, 'attachments/2026/key-a').equals(scan)).toBe(true);
  });

  it('fails for another storage key, another secret, or altered bytes', () => {
    const sealed = cipher.sealFile(scan, 'attachments/2026/key-a');
    expect(() => cipher.openFile(sealed, 'attachments/2026/key-b')).toThrow();
    const other = new FieldCipher('another-test-secret-of-enough-length-987');
    expect(() => other.openFile(sealed, 'attachments/2026/key-a')).toThrow();
    const altered = Buffer.from(sealed);
    altered.writeUInt8(altered.readUInt8(40) ^ 1, 40);
    expect(() => cipher.openFile(altered, 'attachments/2026/key-a')).toThrow();
  });
});
