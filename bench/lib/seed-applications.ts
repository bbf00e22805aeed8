/**
 * Bulk-loads a city's worth of applications for the worklist benchmark: `count` applications across
 * the 16 district centres (weighted by population), one applicant per two applications, a running
 * clock for each open one. Reproducible (seeded), and fast: rows are streamed with
 * `COPY … FROM STDIN` (text format), the secondary indexes are dropped for the load and rebuilt
 * after it, and foreign keys are not checked row by row (`session_replication_role = replica`)
 * but verified once at the end with anti-joins. Then VACUUM ANALYZE, so that neither a stale
 * plan nor an autovacuum run lands in the measured phase.
 *
 * The state mix follows a centre with three years of history, intake even over time and rows
 * loaded in the order they would have arrived: most applications closed or in later case stages,
 * about 5 % waiting for the centre (received, supplement requested, under review, …), nearly all
 * of those received in the last 60 days, due from 2 days ago to 7 days ahead.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { madeUpName, pick, seededRandom } from './people-data.ts';

/** District centre region code, receipt-number abbreviation and resident population (10 000s, 2020 census). */
const DISTRICTS = [
  ['110101', '东', 71],
  ['110102', '西', 110],
  ['110105', '朝', 345],
  ['110106', '丰', 202],
  ['110107', '石', 57],
  ['110108', '海', 313],
  ['110109', '门', 39],
  ['110111', '房', 131],
  ['110112', '通', 184],
  ['110113', '顺', 132],
  ['110114', '昌', 227],
  ['110115', '兴', 199],
  ['110116', '怀', 44],
  ['110117', '平', 46],
  ['110118', '密', 53],
  ['110119', '延', 35],
] as const;

export const centreOf = (region: string) => `00000000-0000-4000-8000-000000${region}`;

/** Weighted choices: [value, weight]. */
type Mix = readonly (readonly [string, number])[];

/** Received in the last 60 days: mostly still waiting for the centre (the worklist's states). */
const RECENT: Mix = [
  ['received', 340],
  ['supplement_requested', 170],
  ['under_review', 290],
  ['awaiting_transfer', 17],
  ['objection_to_refusal', 17],
  ['provisional_aid', 16],
  ['withdrawn', 30],
  ['refused', 30],
  ['granted', 30],
  ['to_assign', 30],
  ['assigned', 30],
];
/** Older: finished or in the later case stages, a few still open (objections, provisional aid, supplements). */
const OLDER: Mix = [
  ['closed', 577],
  ['in_progress', 140],
  ['refused', 80],
  ['withdrawn', 70],
  ['closing_submitted', 40],
  ['granted', 20],
  ['to_assign', 20],
  ['assigned', 20],
  ['terminated', 15],
  ['objection_to_refusal', 2],
  ['provisional_aid', 1],
  ['supplement_requested', 1],
];
/** The last 60 of 3 years (about 5.5 % of the rows, since intake is even over time) count as recent. */
const RECENT_DAYS = 60;
const HISTORY_DAYS = 3 * 365;

function weighted(random: () => number, mix: Mix): string {
  const total = mix.reduce((sum, [, weight]) => sum + weight, 0);
  let at = random() * total;
  for (const [value, weight] of mix) if ((at -= weight) < 0) return value;
  return mix[mix.length - 1]![0];
}

/** The running clock of an open state: period and citation (as the lifecycle starts them). */
const RUNNING_CLOCK: Record<string, readonly [string, string]> = {
  received: ['review_decision', 'LAL art.43'],
  under_review: ['review_decision', 'LAL art.43'],
  supplement_requested: ['supplement', 'LAL art.43(2)'],
  awaiting_transfer: ['custody_transfer', 'LAL art.39'],
  objection_to_refusal: ['objection_review', 'LAL art.49'],
  provisional_aid: ['supplement', 'LAL art.44(2)'],
};
export const OPEN = new Set(Object.keys(RUNNING_CLOCK));

const MATTERS = [
  'labour_remuneration',
  'maintenance',
  'personal_injury_traffic',
  'personal_injury_work',
  'social_insurance',
  'social_assistance',
];
const FACTS = '申请人在工地工作六个月，公司拖欠工资三万元。';
const HELP = '代理劳动仲裁，追讨欠薪。';

export interface SeedOptions {
  url: string;
  count: number;
  now: Date;
  /** Per district centre id: who took the applications in, and who reviews them. */
  staff: Map<string, { receivedBy: string; reviewer: string }>;
  /** A real application's stored assessment (JSON text) and rule version, copied into every row. */
  assessment: string;
  ruleVersion: string;
  /** (owner id, number) already taken, e.g. by the application made through the API. */
  takenNumbers: Set<string>;
  log: (message: string) => void;
}

export interface SeedSummary {
  persons: number;
  applications: number;
  open: number;
  clocks: number;
  seconds: { load: number; indexes: number; check: number; vacuum: number };
}

/** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
function copyText(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** A v4-shaped id, unique by its index (last group), random-looking in front (as randomUUID's would be). */
function idOf(random: () => number, index: number, kind: number): string {
  const hex = (width: number) =>
    Math.floor(random() * 16 ** width)
      .toString(16)
      .padStart(width, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + kind).toString(16)}${hex(3)}-${index.toString(16).padStart(12, '0')}`;
}

const DAY = 86_400_000;

async function copyRows(
  client: pg.Client,
  table: string,
  columns: string[],
  rows: () => Generator<(string | number | null)[]>,
): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  async function* chunks() {
    let chunk = '';
    let n = 0;
    for (const row of rows()) {
      chunk += row.map(copyText).join('\t') + '\n';
      if (++n === 2000) {
        yield chunk;
        chunk = '';
        n = 0;
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks()), stream);
}

/** Secondary indexes not backing a constraint, with their definitions, so they can be rebuilt. */
async function dropIndexes(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const { name } of rows) await client.query(`DROP INDEX ${name}`);
  return rows.map((r) => r.definition);
}

export async function seedApplications(options: SeedOptions): Promise<SeedSummary> {
  const { count, now, log } = options;
  const client = new pg.Client({ connectionString: options.url, application_name: 'fayuan-bench-seed' });
  await client.connect();
  try {
    const started = Date.now();
    const { rows: orgs } = await client.query<{ id: string; path: string }>(
      'SELECT id, path FROM organisations',
    );
    // Each district's own centre and its workstations (which take in some of its applications).
    const districts = DISTRICTS.map(([region, abbreviation, population]) => {
      const centre = centreOf(region);
      const staff = options.staff.get(centre);
      if (!staff) throw new Error(`no staff for the centre ${region}`);
      const stations = orgs.filter((o) => o.id !== centre && o.path.includes(`/${centre}/`)).map((o) => o.id);
      return { centre, abbreviation, population, stations, staff };
    });
    const totalPopulation = districts.reduce((sum, d) => sum + d.population, 0);
    const pickDistrict = (random: () => number) => {
      let at = random() * totalPopulation;
      for (const d of districts) if ((at -= d.population) < 0) return d;
      return districts[districts.length - 1]!;
    };

    const tables = ['persons', 'applications', 'case_clocks'];
    const definitions = await dropIndexes(client, tables);
    await client.query("SET session_replication_role = 'replica'");

    // Persons, two applications each: the person's district is drawn here and kept for both.
    const personCount = Math.ceil(count / 2);
    const personDistrict = new Uint8Array(personCount);
    const personIds: string[] = new Array<string>(personCount);
    const personRandom = seededRandom(11);
    await copyRows(
      client,
      'persons',
      ['id', 'owner_org_id', 'name', 'name_pinyin', 'name_initials', 'document_type', 'birth_date', 'sex'],
      function* () {
        for (let k = 0; k < personCount; k++) {
          const d = pickDistrict(personRandom);
          personDistrict[k] = districts.indexOf(d);
          const id = idOf(personRandom, k, 1);
          personIds[k] = id;
          const name = madeUpName(personRandom);
          const born = new Date(
            Date.UTC(1945 + Math.floor(personRandom() * 60), 0, 1) + personRandom() * 364 * DAY,
          );
          yield [
            id,
            d.centre,
            name.name,
            name.namePinyin,
            name.nameInitials,
            'resident_id',
            born.toISOString().slice(0, 10),
            personRandom() < 0.5 ? 'female' : 'male',
          ];
        }
      },
    );
    log(`persons: ${personCount} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Applications; the clocks of the open ones are kept for the next COPY.
    const clocks: (string | number | null)[][] = [];
    const serials = new Map<string, number>();
    const random = seededRandom(13);
    const assessment = options.assessment;
    let open = 0;
    const nowIso = now.toISOString();
    await copyRows(
      client,
      'applications',
      [
        'id',
        'number',
        'owner_org_id',
        'intake_org_id',
        'state',
        'state_changed_at',
        'channel',
        'forwarded_by',
        'forwarded_received_at',
        'forwarded_late',
        'applicant_id',
        'matter',
        'case_type',
        'opposing_party',
        'facts',
        'requested_help',
        'hardship_basis',
        'household_members',
        'household_monthly_income_fen',
        'assessment',
        'rule_version',
        'received_at',
        'received_by',
        'reviewer_id',
        'decision',
        'decided_at',
        'decided_by',
        'next_due_at',
        'version',
        'created_at',
        'updated_at',
      ],
      function* () {
        for (let i = 0; i < count; i++) {
          const person = i >> 1;
          const d = districts[personDistrict[person]!]!;
          // Rows go in as they would have arrived, oldest first: the open ones end up near the table's end.
          const ageDays = HISTORY_DAYS * (1 - (i + random()) / count);
          const receivedAt = new Date(now.getTime() - ageDays * DAY);
          const state = weighted(random, ageDays < RECENT_DAYS ? RECENT : OLDER);
          const isOpen = OPEN.has(state);
          const stateChangedAt = isOpen
            ? new Date(Math.min(now.getTime(), receivedAt.getTime() + random() * 3 * DAY))
            : new Date(Math.min(now.getTime(), receivedAt.getTime() + (10 + random() * 200) * DAY));
          const year = new Date(receivedAt.getTime() + 8 * 3_600_000).getUTCFullYear();
          const key = `${d.centre}:${year}`;
          let number: string;
          do {
            const serial = (serials.get(key) ?? 0) + 1;
            serials.set(key, serial);
            number = `京${d.abbreviation}法援〔${year}〕第${String(serial).padStart(5, '0')}号`;
          } while (options.takenNumbers.has(`${d.centre}:${number}`));
          const station = d.stations.length > 0 && random() < 0.2 ? pick(random, d.stations) : null;
          const roll = random();
          const channel = station
            ? 'workstation'
            : roll < 0.55
              ? 'window'
              : roll < 0.75
                ? 'phone'
                : roll < 0.9
                  ? 'online'
                  : roll < 0.93
                    ? 'home_visit'
                    : 'forwarded';
          const forwarded = channel === 'forwarded';
          const members = 1 + Math.floor(random() * 4);
          const reviewed = !['received', 'supplement_requested', 'awaiting_transfer', 'withdrawn'].includes(
            state,
          );
          const decided = reviewed && state !== 'under_review';
          const nextDue = isOpen ? new Date(now.getTime() + (random() * 9 - 2) * DAY) : null;
          const id = idOf(random, i, 2);
          if (isOpen) {
            open += 1;
            const [period, citation] = RUNNING_CLOCK[state]!;
            clocks.push([
              id,
              d.centre,
              period,
              'running',
              stateChangedAt.toISOString(),
              nextDue!.toISOString(),
              citation,
              null,
            ]);
            if (state === 'supplement_requested')
              clocks.push([
                id,
                d.centre,
                'review_decision',
                'paused',
                receivedAt.toISOString(),
                new Date(receivedAt.getTime() + 7 * DAY).toISOString(),
                'LAL art.43',
                stateChangedAt.toISOString(),
              ]);
          }
          yield [
            id,
            number,
            d.centre,
            station ?? d.centre,
            state,
            stateChangedAt.toISOString(),
            channel,
            forwarded ? '海淀区看守所' : null,
            forwarded ? new Date(receivedAt.getTime() - 10 * 3_600_000).toISOString() : null,
            forwarded ? 'f' : null,
            personIds[person]!,
            pick(random, MATTERS),
            'civil',
            '北京某建筑公司',
            FACTS,
            HELP,
            'integrity_pledge',
            members,
            members * (150_000 + Math.floor(random() * 100_000)),
            assessment,
            options.ruleVersion,
            receivedAt.toISOString(),
            d.staff.receivedBy,
            reviewed ? d.staff.reviewer : null,
            decided ? (state === 'refused' ? 'refuse' : 'grant') : null,
            decided ? stateChangedAt.toISOString() : null,
            decided ? d.staff.reviewer : null,
            nextDue ? nextDue.toISOString() : null,
            1 + Math.floor(random() * 6),
            receivedAt.toISOString(),
            nowIso,
          ];
        }
      },
    );
    log(`applications: ${count} (${open} open) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const clockRandom = seededRandom(17);
    await copyRows(
      client,
      'case_clocks',
      [
        'id',
        'application_id',
        'owner_org_id',
        'period',
        'status',
        'started_at',
        'due_at',
        'citation',
        'paused_at',
      ],
      function* () {
        for (const [k, row] of clocks.entries()) yield [idOf(clockRandom, k, 3), ...row];
      },
    );
    await client.query("SET session_replication_role = 'origin'");
    const loaded = Date.now();
    log(
      `case clocks: ${clocks.length}; loaded in ${((loaded - started) / 1000).toFixed(1)} s, rebuilding ${definitions.length} indexes`,
    );

    // Rebuilt two at a time (one connection each) to use both CPUs; maintenance_work_mem for the sorts.
    const second = new pg.Client({ connectionString: options.url, application_name: 'fayuan-bench-seed' });
    await second.connect();
    try {
      const queue = [...definitions];
      await Promise.all(
        [client, second].map(async (c) => {
          await c.query("SET maintenance_work_mem = '256MB'");
          for (let next = queue.shift(); next; next = queue.shift()) await c.query(next);
        }),
      );
    } finally {
      await second.end();
    }
    const indexed = Date.now();
    log(`indexes rebuilt in ${((indexed - loaded) / 1000).toFixed(1)} s; checking references`);

    // The references the replica role did not check row by row, checked once.
    const { rows: dangling } = await client.query<{ what: string; n: string }>(`
      SELECT 'applicant' AS what, count(*) AS n FROM applications a
        WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = a.applicant_id)
      UNION ALL SELECT 'owner or intake organisation', count(*) FROM applications a
        WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = a.owner_org_id)
           OR NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = a.intake_org_id)
      UNION ALL SELECT 'staff', count(*) FROM applications a
        WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = a.received_by)
           OR (a.reviewer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = a.reviewer_id))
      UNION ALL SELECT 'clock application', count(*) FROM case_clocks c
        WHERE NOT EXISTS (SELECT 1 FROM applications a WHERE a.id = c.application_id)
      UNION ALL SELECT 'person owner', count(*) FROM persons p
        WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = p.owner_org_id)`);
    const broken = dangling.filter((r) => Number(r.n) > 0);
    if (broken.length > 0)
      throw new Error(
        `seeded rows with dangling references: ${broken.map((r) => `${r.what} ${r.n}`).join(', ')}`,
      );
    const checked = Date.now();
    await client.query('VACUUM (ANALYZE) persons, applications, case_clocks');
    const done = Date.now();
    log(
      `references checked in ${((checked - indexed) / 1000).toFixed(1)} s, VACUUM ANALYZE in ${((done - checked) / 1000).toFixed(1)} s`,
    );
    return {
      persons: personCount,
      applications: count,
      open,
      clocks: clocks.length,
      seconds: {
        load: (loaded - started) / 1000,
        indexes: (indexed - loaded) / 1000,
        check: (checked - indexed) / 1000,
        vacuum: (done - checked) / 1000,
      },
    };
  } finally {
    await client.end();
  }
}
