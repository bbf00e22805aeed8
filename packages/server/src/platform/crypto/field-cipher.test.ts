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
