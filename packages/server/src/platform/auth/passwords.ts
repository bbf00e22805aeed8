import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2; // @node-rs/argon2's Algorithm.Argon2id (an ambient const enum)

// argon2id with OWASP's second recommended profile (19 MiB, t=2, p=1): ~40 ms here per hash.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spend the same time on an unknown username as on a wrong password, so names cannot be probed. */
export async function burnVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword('fayuan-timing-equaliser-0');
  await verifyPassword(await dummy, password);
}
