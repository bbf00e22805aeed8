import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { attachments } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { registerApplicant, signIn, takeIn, wageClaim, type Staff } from './application-test-kit.ts';

let t: TestContext;
let window: Staff;
let root: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.chaoyang, ['window_staff']);
  root = t.filesRoot;
});
afterAll(() => t.close());

async function application(): Promise<string> {
  const applicantId = await registerApplicant(window);
  return (await takeIn(window, wageClaim(applicantId))).id;
}

const upload = (id: string, body: Buffer, type: string, name = 'file') =>
  window.session.request({
    method: 'POST',
    url: `/api/v1/applications/${id}/attachments?name=${encodeURIComponent(name)}`,
    payload: body,
    headers: { 'content-type': type },
  });

/** Every file under the test's file store (recursively); none while nothing was kept. */
async function storedFiles(): Promise<string[]> {
  try {
    const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

describe('declared types', () => {
  it('are matched without regard to letter case (.PDF, image/JPEG-style headers)', async () => {
    const id = await application();
    const pdf = await upload(id, PDF, 'Application/PDF', '扫描件.PDF');
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ contentType: 'application/pdf', fileName: '扫描件.PDF' });
    const png = await upload(id, PNG, 'IMAGE/PNG; charset=binary', '照片.PNG');
    expect(png.statusCode, png.body).toBe(201);
  });
});

describe('content against the declared type', () => {
  it('refuses a PDF header followed by a web page, and a web page named .pdf (415)', async () => {
    const id = await application();
    const polyglot = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n'),
    ]);
    const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
    for (const body of [polyglot, html]) {
      const response = await upload(id, body, 'application/pdf', 'x.pdf');
      expect(response.statusCode, response.body).toBe(415);
      expect(response.json().error.code).toBe('ATTACHMENT_CONTENT_MISMATCH');
    }
    const truncated = await upload(id, Buffer.from('%PDF-1.4\n% no end marker\n'), 'application/pdf');
    expect(truncated.json().error.code).toBe('ATTACHMENT_CONTENT_MISMATCH');
    const pngAsJpeg = await upload(id, PNG, 'image/jpeg');
    expect(pngAsJpeg.statusCode).toBe(415);
    expect(pngAsJpeg.json().error).toMatchObject({
      code: 'ATTACHMENT_CONTENT_MISMATCH',
      details: { contentType: 'image/jpeg', detected: 'image/png' },
    });
    expect(await t.deps.db.select().from(attachments).where(eq(attachments.applicationId, id))).toEqual([]);
  });
});

describe('failed uploads', () => {
  it('leave no file behind when the row cannot be written (three failures, no orphan)', async () => {
    const id = await application();
    const before = await storedFiles();
    // The row is refused by the database after the bytes were written: the transaction fails.
    // Installing the trigger is DDL, which only a superuser (not the app's role) may do.
    const superuser = t.superuser();
    await superuser.pool.query(`
      CREATE FUNCTION refuse_attachment() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
      CREATE TRIGGER refuse_attachment BEFORE INSERT ON attachments
        FOR EACH ROW EXECUTE FUNCTION refuse_attachment();`);
    try {
      for (let i = 0; i < 3; i++) {
        const response = await upload(id, PDF, 'application/pdf', `${i}.pdf`);
        expect(response.statusCode).toBe(500);
        expect(response.body).not.toContain('refused for the test');
      }
    } finally {
      await superuser.pool.query(
        'DROP TRIGGER refuse_attachment ON attachments; DROP FUNCTION refuse_attachment();',
      );
    }
    expect(await storedFiles()).toEqual(before);
  });
});

describe('files at rest', () => {
  it('are encrypted on disk (not the plaintext) and read back equal', async () => {
    const id = await application();
    const scan = Buffer.concat([
      Buffer.from('%PDF-1.4\n% 居民身份证 110101199003070011 扫描件\n'),
      Buffer.from('%%EOF\n'),
    ]);
    const before = new Set(await storedFiles());
    const response = await upload(id, scan, 'application/pdf', '身份证.pdf');
    expect(response.statusCode, response.body).toBe(201);
    const added = (await storedFiles()).filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    const onDisk = await fs.readFile(added[0]!);
    expect(onDisk.subarray(0, 4).toString('latin1')).toBe('FYEF');
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
    expect(onDisk.includes(Buffer.from('110101199003070011'))).toBe(false);
    const download = await window.session.get(`/api/v1/applications/${id}/attachments/${response.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(Buffer.compare(download.rawPayload, scan)).toBe(0);
  });

  it('refuses a stored file that was altered, and still reads a file stored before encryption', async () => {
    const id = await application();
    const before = new Set(await storedFiles());
    const first = await upload(id, PDF, 'application/pdf', 'a.pdf');
    const [file] = (await storedFiles()).filter((f) => !before.has(f));
    const sealed = await fs.readFile(file!);
    const last = sealed.length - 1;
    sealed.writeUInt8(sealed.readUInt8(last) ^ 1, last);
    await fs.writeFile(file!, sealed);
    const altered = await window.session.get(`/api/v1/applications/${id}/attachments/${first.json().id}`);
    expect(altered.statusCode).toBe(500);
    // A plaintext file from before this change (no FYEF header) is served as it is.
    await fs.writeFile(file!, PDF);
    const legacy = await window.session.get(`/api/v1/applications/${id}/attachments/${first.json().id}`);
    expect(legacy.statusCode).toBe(200);
    expect(Buffer.compare(legacy.rawPayload, PDF)).toBe(0);
  });
});
