import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { FieldCipher } from '../crypto/field-cipher.ts';

export interface StoredFile {
  key: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Where uploaded files and issued documents live. The default keeps them on disk under the data
 * folder; a cloud object store implements the same three calls. Keys are opaque and never derived
 * from user input, so a file name cannot reach outside the store.
 */
export interface FileStore {
  put(data: Buffer, prefix: string): Promise<StoredFile>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

export const sha256Of = (data: Buffer) => createHash('sha256').update(data).digest('hex');

const KEY = /^[a-z0-9-]+\/\d{4}\/[0-9a-f-]{36}$/;

/**
 * Files on disk under `root`, encrypted at rest with the file key of the same secret as the sealed
 * fields (FieldCipher.sealFile). Files written before encryption (no FYEF header) are still read
 * as they are; their SHA-256 in the row still guards them (ADR 0009).
 */
export class DiskFileStore implements FileStore {
  constructor(
    private readonly root: string,
    private readonly cipher: FieldCipher,
  ) {}

  async put(data: Buffer, prefix: string): Promise<StoredFile> {
    const key = `${prefix}/${new Date().getUTCFullYear()}/${randomUUID()}`;
    if (!KEY.test(key)) throw new Error(`bad file store prefix ${prefix}`);
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // Written under a temporary name, then renamed: a crash never leaves half a file under the key.
    const temporary = `${file}.part`;
    await fs.writeFile(temporary, this.cipher.sealFile(data, key), { mode: 0o600 });
    await fs.rename(temporary, file);
    return { key, sha256: sha256Of(data), sizeBytes: data.length };
  }

  async get(key: string): Promise<Buffer> {
    const stored = await fs.readFile(this.pathOf(key));
    return FieldCipher.isSealedFile(stored) ? this.cipher.openFile(stored, key) : stored;
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('bad file key');
    return path.join(this.root, key);
  }
}

/**
 * Runs `work` with a file store that remembers what it wrote: when `work` fails (a refused row, an
 * aborted transaction), those files are deleted again, so a failed upload leaves no orphan file.
 * Put the database transaction inside `work` so its commit is part of what must succeed.
 */
export async function withFileCleanup<T>(
  files: FileStore,
  work: (files: FileStore) => Promise<T>,
): Promise<T> {
  const written: string[] = [];
  const tracking: FileStore = {
    put: async (data, prefix) => {
      const stored = await files.put(data, prefix);
      written.push(stored.key);
      return stored;
    },
    get: (key) => files.get(key),
    delete: (key) => files.delete(key),
  };
  try {
    return await work(tracking);
  } catch (error) {
    await Promise.allSettled(written.map((key) => files.delete(key)));
    throw error;
  }
}
