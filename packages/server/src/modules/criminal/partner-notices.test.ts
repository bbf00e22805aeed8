import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildHandler, ORG } from '../../../test/factories.ts';
import {
  applicationEvents,
  applications,
  attachments,
  caseClocks,
  criminalNotices,
  persons,
} from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { createIdempotently } from '../../platform/http/idempotency.ts';
import { withFileCleanup } from '../../platform/storage/file-store.ts';
import { signIn, type Staff } from '../applications/application-test-kit.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';
import { partnerNoticeBody, type PartnerNoticeInput } from './criminal.schemas.ts';
import { noticeStatus, partnerNoticeDocument, partnerNoticeView } from './partner-notice-view.ts';
import { makePartner, NOTICE_PDF, originFor, residentId } from './partner-test-kit.ts';
import { receivePartnerNotice } from './receive-partner-notice.ts';

let t: TestContext;
let court: PartnerActor;
let otherCourt: PartnerActor;
let custody: PartnerActor;
let window: Staff;
let director: Staff;

beforeAll(async () => {
  t = await startTestApp();
  court = await makePartner(t, { kind: 'court', name: '北京市海淀区人民法院', organisationId: ORG.haidian });
  otherCourt = await makePartner(t, {
    kind: 'court',
    name: '北京市朝阳区人民法院',
    organisationId: ORG.chaoyang,
  });
  custody = await makePartner(t, {
    kind: 'detention_centre',
    name: '北京市海淀区看守所',
    organisationId: ORG.haidian,
  });
  window = await signIn(t, ORG.haidian, ['window_staff']);
  director = await signIn(t, ORG.haidian, ['director']);
});
afterAll(() => t.close());

let serial = 0;
const notice = (overrides: Partial<PartnerNoticeInput> = {}): PartnerNoticeInput => {
  serial += 1;
  return {
    institutionCaseNumber: `（2026）京0108刑初${1000 + serial}号`,
    stage: 'trial_first_instance',
    ground: 'life_or_death_sentence',
    charges: ['故意杀人罪'],
    defendant: { name: '孙某', detained: true, detentionPlace: '北京市海淀区看守所' },
    ...overrides,
  };
};

/** As the route runs it: files cleaned up on failure, one transaction. */
const send = (partner: PartnerActor, input: PartnerNoticeInput) =>
  withFileCleanup(t.deps.files, (files) =>
    t.deps.db.transaction((tx) =>
      receivePartnerNotice({ ...t.deps, files }, tx, partner, input, originFor(partner)),
    ),
  );

const failure = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

async function filesIn(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}

async function counts() {
  const n = async (table: typeof persons | typeof applications | typeof caseClocks | typeof attachments) =>
    (await t.deps.db.select({ n: count() }).from(table))[0]!.n;
  return {
    persons: await n(persons),
    applications: await n(applications),
    clocks: await n(caseClocks),
    attachments: await n(attachments),
    files: await filesIn(t.filesRoot),
  };
}

describe('a notice from a court through the partner API (LAL art.25, art.36)', () => {
  it('opens a case to assign in the partner’s district, with a new defendant, the 3-day clock and the letter kept', async () => {
    const id = await send(
      court,
      notice({
        attachments: [{ fileName: '通知书.pdf', contentType: 'application/pdf', contentBase64: NOTICE_PDF }],
      }),
    );
    const [row] = await t.deps.db.select().from(applications).where(eq(applications.id, id));
    expect(row).toMatchObject({
      state: 'to_assign',
      channel: 'criminal_notice',
      ownerOrgId: ORG.haidian,
      partnerId: court.partnerId,
      courtOrAuthority: court.name,
    });
    const [cn] = await t.deps.db.select().from(criminalNotices).where(eq(criminalNotices.applicationId, id));
    expect(cn).toMatchObject({
      source: 'partner_api',
      institutionKind: 'court',
      institutionName: court.name,
    });
    const [person] = await t.deps.db.select().from(persons).where(eq(persons.id, row!.applicantId));
    expect(person).toMatchObject({ name: '孙某', ownerOrgId: ORG.haidian });
    const [clock] = await t.deps.db.select().from(caseClocks).where(eq(caseClocks.applicationId, id));
    // Received 2026-11-02 09:00 Beijing: three days end 11-05 24:00.
    expect(clock).toMatchObject({ period: 'assignment', status: 'running' });
    expect(clock!.dueAt.toISOString()).toBe('2026-11-05T15:59:59.999Z');
    const files = await t.deps.db.select().from(attachments).where(eq(attachments.applicationId, id));
    expect(files).toMatchObject([{ fileName: '通知书.pdf', contentType: 'application/pdf' }]);

    const view = await t.deps.db.transaction((tx) =>
      partnerNoticeView(t.deps, tx, court, id, originFor(court)),
    );
    expect(view).toMatchObject({
      id,
      status: 'received',
      assignmentDueDate: '2026-11-05',
      handler: null,
      documents: [],
    });
    // The centre sees it in its worklist like any notice.
    const list = (await director.session.get('/api/v1/applications?channel=criminal_notice')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
    // The file names the institution it came from (发来机构).
    const detail = (await director.session.get(`/api/v1/applications/${id}`)).json();
    expect(detail.partner).toEqual({ id: court.partnerId, name: court.name });
    expect(detail.criminalNotice).toMatchObject({ source: 'partner_api' });
  });

  it('matches the defendant by identity number and keeps the registry’s name, flagging the difference', async () => {
    const idNumber = residentId('110108', '19900101', 123);
    const registered = await window.session.post('/api/v1/persons', { name: '钱某', idNumber });
    expect(registered.statusCode, registered.body).toBe(201);
    const id = await send(court, notice({ defendant: { name: '钱某某', idNumber, detained: false } }));
    const [row] = await t.deps.db.select().from(applications).where(eq(applications.id, id));
    expect(row!.applicantId).toBe(registered.json().id);
    const [person] = await t.deps.db.select().from(persons).where(eq(persons.id, row!.applicantId));
    expect(person!.name).toBe('钱某');
    const [event] = await t.deps.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, id));
    expect(event!.payload).toMatchObject({ defendantMatched: true, defendantNameDiffers: true });
  });

  it('a second notice under the same case number answers 409 naming the first', async () => {
    const body = notice();
    const first = await send(court, body);
    const error = await failure(send(court, { ...body, charges: ['抢劫罪'] }));
    expect(error.code).toBe('CRIMINAL_NOTICE_DUPLICATE');
    expect(error.details).toEqual({ id: first });
    // Another court may use the same number for its own case.
    expect(await send(otherCourt, body)).not.toBe(first);
  });

  it('refuses each malformed notice with its field and creates nothing', async () => {
    const before = await counts();
    const cases: [PartnerNoticeInput, string, string][] = [
      [
        notice({ defendant: { name: '李某', idNumber: '110108199001011230', detained: true } }),
        'ID_NUMBER_INVALID',
        'defendant.idNumber',
      ],
      [notice({ courtDistrictCode: '999999' }), 'VALIDATION_FAILED', 'courtDistrictCode'],
      [
        notice({
          attachments: [
            {
              fileName: '通知书.pdf',
              contentType: 'application/pdf',
              contentBase64: Buffer.from('<html><body>not a pdf</body></html>').toString('base64'),
            },
          ],
        }),
        'ATTACHMENT_CONTENT_MISMATCH',
        'attachments.0.contentBase64',
      ],
      [
        // The letter is stored before a later one is refused: the first file goes again.
        notice({
          attachments: [
            { fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: NOTICE_PDF },
            {
              fileName: 'b.pdf',
              contentType: 'application/pdf',
              contentBase64: Buffer.from('x').toString('base64'),
            },
          ],
        }),
        'ATTACHMENT_CONTENT_MISMATCH',
        'attachments.1.contentBase64',
      ],
    ];
    for (const [body, code, field] of cases) {
      const error = await failure(send(court, body));
      expect(error.code).toBe(code);
      expect(error.details).toMatchObject({ field });
    }
    expect(await counts()).toEqual(before);
  });

  it('the body schema names the field of a malformed notice', () => {
    const paths = (body: unknown) =>
      partnerNoticeBody.safeParse(body).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths({ ...notice(), charges: [] })).toEqual(['charges']);
    expect(paths({ ...notice(), ground: 'rich' })).toEqual(['ground']);
    expect(paths({ ...notice(), defendant: { name: '李某' } })).toEqual(['defendant.detained']);
    expect(paths({ ...notice(), defendant: { name: '李某', detained: true, sex: 'm' } })).toEqual([
      'defendant.sex',
    ]);
    expect(paths({ ...notice(), courtDistrictCode: '1101' })).toEqual(['courtDistrictCode']);
    expect(paths({ ...notice(), institutionCaseNumber: undefined })).toEqual(['institutionCaseNumber']);
  });

  it('a detention centre does not notify: 422, nothing created', async () => {
    const before = await counts();
    const error = await failure(send(custody, notice()));
    expect(error.code).toBe('CRIMINAL_NOTICE_INSTITUTION_NOT_NOTIFYING');
    expect(await counts()).toEqual(before);
  });

  it('a retry with the same Idempotency-Key and body answers the same, with one case', async () => {
    const body = notice();
    const call = () => {
      const request = {
        headers: { 'idempotency-key': `retry-${serial}` },
        actor: court.actor,
        method: 'POST',
        url: '/api/partner/v1/criminal-notices',
        routeOptions: { url: '/api/partner/v1/criminal-notices' },
        params: {},
        body,
        ip: '127.0.0.1',
      } as unknown as FastifyRequest;
      const reply = { code: () => reply, header: () => reply } as unknown as FastifyReply;
      return createIdempotently(t.deps, request, reply, 201, async (tx) => ({
        id: await receivePartnerNotice(t.deps, tx, court, body, originFor(court)),
      }));
    };
    const first = await call();
    const again = await call();
    expect(again).toEqual(first);
    const rows = await t.deps.db
      .select()
      .from(criminalNotices)
      .where(eq(criminalNotices.partnerReference, body.institutionCaseNumber));
    expect(rows).toHaveLength(1);
  });
});

describe('the status the organ reads', () => {
  it('follows the case: received, assigned with the handler and letters, awaiting, handler changed', async () => {
    const lawyer = await buildHandler(t.deps, '周律师', {
      phoneSealed: t.deps.cipher.seal('13800138000').sealed,
      phoneHash: t.deps.cipher.seal('13800138000').hash,
    });
    const id = await send(court, notice());
    const view = () =>
      t.deps.db.transaction((tx) => partnerNoticeView(t.deps, tx, court, id, originFor(court)));
    expect((await view()).status).toBe('received');

    const assigned = await director.session.post(`/api/v1/applications/${id}/assignment`, {
      handlerId: lawyer.id,
      reason: '指定',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const seen = await view();
    expect(seen).toMatchObject({
      status: 'assigned',
      handler: { name: '周律师', phone: '13800138000' },
    });
    expect(seen.handler!.licenceNumber).toMatch(/^1110/);
    expect(seen.documents.map((d) => d.kind).sort()).toEqual(['assignment_letter', 'meeting_letter']);
    const letter = seen.documents.find((d) => d.kind === 'assignment_letter')!;
    expect(letter.url).toBe(`/api/partner/v1/criminal-notices/${id}/documents/${letter.id}`);
    const pdf = await partnerNoticeDocument(t.deps, court, id, letter.id, originFor(court));
    expect(pdf.data.subarray(0, 5).toString()).toBe('%PDF-');

    const changed = await director.session.post(`/api/v1/applications/${id}/assignment/change`, {
      reason: '承办律师身体原因',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await view()).status).toBe('awaiting_reassignment');
    const other = await buildHandler(t.deps, '吴律师');
    const again = await director.session.post(`/api/v1/applications/${id}/assignment`, {
      handlerId: other.id,
      reason: '更换后指派',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(await view()).toMatchObject({ status: 'handler_changed', handler: { name: '吴律师' } });
  });

  it('another partner’s notice answers 404, its letters too', async () => {
    const id = await send(court, notice());
    expect(
      (
        await failure(
          t.deps.db.transaction((tx) => partnerNoticeView(t.deps, tx, otherCourt, id, originFor(otherCourt))),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (await failure(partnerNoticeDocument(t.deps, otherCourt, id, id, originFor(otherCourt)))).code,
    ).toBe('NOT_FOUND');
  });

  it('closed and terminated cases read as such', () => {
    expect(noticeStatus('closed', [{ status: 'accepted' }])).toBe('closed');
    expect(noticeStatus('archived', [{ status: 'accepted' }])).toBe('closed');
    expect(noticeStatus('terminated', [{ status: 'accepted' }])).toBe('terminated');
    expect(noticeStatus('to_assign', [{ status: 'declined' }])).toBe('awaiting_reassignment');
    expect(noticeStatus('in_progress', [{ status: 'replaced' }, { status: 'accepted' }])).toBe(
      'handler_changed',
    );
  });
});
