import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const FILE = 'secret.key';

/**
 * FAYUAN_SECRET_KEY when given; otherwise the key in the data folder, made on first start.
 * Losing it makes encrypted fields unreadable, so it is never regenerated over an existing file.
 */
export async function resolveSecretKey(given: string | undefined, dataDir: string): Promise<string> {
  if (given) return given;
  const file = path.join(dataDir, FILE);
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('base64url');
  await fs.writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
