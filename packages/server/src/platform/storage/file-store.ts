import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

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

export class DiskFileStore implements FileStore {
  constructor(private readonly root: string) {}

  async put(data: Buffer, prefix: string): Promise<StoredFile> {
    const key = `${prefix}/${new Date().getUTCFullYear()}/${randomUUID()}`;
    if (!KEY.test(key)) throw new Error(`bad file store prefix ${prefix}`);
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // Written under a temporary name, then renamed: a crash never leaves half a file under the key.
    const temporary = `${file}.part`;
    await fs.writeFile(temporary, data, { mode: 0o600 });
    await fs.rename(temporary, file);
    return { key, sha256: sha256Of(data), sizeBytes: data.length };
  }

  get(key: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('bad file key');
    return path.join(this.root, key);
  }
}
