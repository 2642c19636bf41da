import { verify } from '@node-rs/argon2';
import pg from 'pg';
import { seed } from '../../prisma/seed';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { ORGANISATIONS } from '../../prisma/seed/organisations';
import { BASE_DATE } from '../../prisma/seed/prng';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/db';

// The global setup migrated and seeded this database; other suites may add rows to it while
// this one runs, so assertions about it only look at what the seed wrote (dated before the
// demo's "today", whereas anything a test creates is stamped now()).
const globalUrl = process.env.DATABASE_URL as string;
const quiet = { log: () => undefined };

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function memberCounts(client: pg.Client, slug: string): Promise<Record<string, number>> {
  const { rows } = await client.query<{ kind: string; n: number }>(
    `SELECT o.kind, count(*)::int AS n
       FROM "Membership" m
       JOIN "Consortium" c ON c.id = m."consortiumId"
       JOIN "Organisation" o ON o.id = m."organisationId"
      WHERE c.slug = $1 AND m."createdAt" < $2
      GROUP BY o.kind`,
    [slug, BASE_DATE],
  );
  return Object.fromEntries(rows.map((row) => [row.kind, row.n]));
}

/** Every row of every table, hashed per table: equal snapshots mean the data is identical. */
async function snapshot(client: pg.Client): Promise<Record<string, string>> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await client.query<{ digest: string; n: number }>(
      `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest, count(*)::int AS n FROM "${name}" t`,
    );
    out[name] = `${rows[0]?.n}:${rows[0]?.digest}`;
  }
  return out;
}

interface OrgFacts {
  id: string;
  code: string;
  name: string;
  kind: string;
  naicsCode: string | null;
  employeeCount: number | null;
}

async function catalogueOrganisations(client: pg.Client): Promise<OrgFacts[]> {
  const { rows } = await client.query<OrgFacts>(
    `SELECT id, code, name, kind::text, "naicsCode", "employeeCount" FROM "Organisation" WHERE code = ANY($1) ORDER BY code`,
    [ORGANISATIONS.map((o) => o.code)],
  );
  return rows;
}

describe('demo seed', () => {
  // a database of our own, to compare against and to reseed without racing other suites
  let scratch: TestDatabase | undefined;
  let scratchUrl = '';

  beforeAll(async () => {
    scratch = await createTestDatabase({ prefix: 'tandem_seedtest', migrate: true });
    scratchUrl = scratch.url;
    await seed(scratchUrl, quiet);
  }, 60_000);

  afterAll(async () => {
    if (scratch) await dropTestDatabase(scratch.name);
  });

  it('loads both consortia with their members', async () => {
    await withClient(globalUrl, async (client) => {
      const { rows } = await client.query<{ slug: string; name: string; region: string; disclosureThreshold: number; fiscalYearStartMonth: number }>(
        `SELECT slug, name, region, "disclosureThreshold", "fiscalYearStartMonth" FROM "Consortium" WHERE "createdAt" < $1 ORDER BY slug`,
        [BASE_DATE],
      );
      expect(rows).toEqual([
        { slug: 'fvsn', name: 'Fox Valley Supplier Network', region: 'Fox Valley', disclosureThreshold: 5, fiscalYearStartMonth: 1 },
        { slug: 'glmp', name: 'Great Lakes Manufacturing Partnership', region: 'Southeast Wisconsin', disclosureThreshold: 5, fiscalYearStartMonth: 7 },
      ]);

      const glmp = await memberCounts(client, 'glmp');
      expect(glmp.customer).toBeGreaterThanOrEqual(6);
      expect(glmp.supplier).toBe(40);
      expect(glmp).toMatchObject({ union: 1, college: 1, extension_centre: 1, funder: 1 });
      expect(await memberCounts(client, 'fvsn')).toEqual({ customer: 2, supplier: 10 });
    });
  });

  it('gives every membership a history consistent with its status', async () => {
    await withClient(globalUrl, async (client) => {
      const { rows } = await client.query<{ status: string; path: string | null; joined: boolean; exited: boolean; charter: string | null }>(
        `SELECT m.status::text,
                string_agg(t."toStatus"::text, '>' ORDER BY t."effectiveDate") AS path,
                m."joinedAt" IS NOT NULL AS joined, m."exitedAt" IS NOT NULL AS exited,
                (SELECT min(c.version)::text FROM "CharterSignature" s JOIN "Charter" c ON c.id = s."charterId"
                  WHERE s."organisationId" = m."organisationId" AND s."consortiumId" = m."consortiumId") AS charter
           FROM "Membership" m LEFT JOIN "MembershipTransition" t ON t."membershipId" = m.id
          WHERE m."createdAt" < $1
          GROUP BY m.id`,
        [BASE_DATE],
      );
      const expected: Record<string, { path: string | null; joined: boolean; exited: boolean; charter: string | null }> = {
        applicant: { path: null, joined: false, exited: false, charter: null },
        active: { path: 'active', joined: true, exited: false, charter: '1' },
        suspended: { path: 'active>suspended', joined: true, exited: false, charter: '1' },
        exited: { path: 'active>exited', joined: true, exited: true, charter: '1' },
      };
      for (const { status, ...rest } of rows) expect({ status, ...rest }).toEqual({ status, ...expected[status] });
      const statuses = new Set(rows.map((row) => row.status));
      expect([...statuses].sort()).toEqual(['active', 'applicant', 'exited', 'suspended']);
    });
  });

  it('creates every demo account, active, with its role assignment and the demo password', async () => {
    await withClient(globalUrl, async (client) => {
      for (const account of DEMO_ACCOUNTS) {
        const { rows } = await client.query<{ name: string; status: string; passwordHash: string; role: string; slug: string | null; code: string | null }>(
          `SELECT u.name, u.status::text, u."passwordHash", r.role::text, c.slug, o.code
             FROM "User" u
             JOIN "RoleAssignment" r ON r."userId" = u.id
             LEFT JOIN "Consortium" c ON c.id = r."consortiumId"
             LEFT JOIN "Organisation" o ON o.id = r."organisationId"
            WHERE u.email = $1 AND r."createdAt" < $2`,
          [account.email, BASE_DATE],
        );
        expect(rows.map(({ passwordHash: _hash, ...rest }) => rest)).toEqual([
          { name: account.name, status: 'active', role: account.role, slug: account.consortiumSlug, code: account.organisationCode },
        ]);
        // every account shares one hash, so verifying one per distinct hash is enough
        if (account === DEMO_ACCOUNTS[0]) expect(await verify(rows[0]?.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
      }
    });
  });

  it('does nothing when run a second time', async () => {
    const before = await withClient(scratchUrl, snapshot);
    const lines: string[] = [];
    await seed(scratchUrl, { log: (line) => lines.push(line) });
    expect(await withClient(scratchUrl, snapshot)).toEqual(before);
    expect(lines.join('\n')).toMatch(/already seeded/);

    // and against the shared database, which the global setup seeded
    const globalBefore = await withClient(globalUrl, catalogueOrganisations);
    await seed(globalUrl, quiet);
    expect(await withClient(globalUrl, catalogueOrganisations)).toEqual(globalBefore);
  });

  it('is deterministic: a fresh database gets the same organisations, ids included', async () => {
    const fresh = await withClient(scratchUrl, catalogueOrganisations);
    const seeded = await withClient(globalUrl, catalogueOrganisations);
    expect(fresh).toHaveLength(ORGANISATIONS.length);
    expect(fresh).toEqual(seeded);
  });

  it('refuses to run in production', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(seed(scratchUrl, quiet)).rejects.toThrow(/NODE_ENV is "production"/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
