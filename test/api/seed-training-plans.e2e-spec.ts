import pg from 'pg';
import { DEMO_ACCOUNTS } from '../../prisma/seed/demo-accounts';
import { DEMO_UNION, REPRESENTED_FIRMS, fiscalYearOf } from '../../prisma/seed/training-plans';

// The global setup seeded this database as of SEED_TODAY; other suites add plans of their own
// (stamped now(), in years the seed never uses), so these checks look at the seed's years only.
const url = process.env.DATABASE_URL as string;

describe('seed: union representation and training plans', () => {
  let client: pg.Client;
  const today = new Date(`${process.env.SEED_TODAY ?? '2026-11-24'}T00:00:00Z`);
  const year = fiscalYearOf(today, 7);

  beforeAll(async () => {
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it("the demo union representative acts for USW Local 1343, a labour member of glmp that represents three foundries", async () => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === 'union_representative');
    expect(account?.organisationCode).toBe(DEMO_UNION);
    const { rows } = await client.query<{ kind: string; tier: string }>(
      `SELECT o.kind, m.tier FROM "RoleAssignment" ra JOIN "User" u ON u.id = ra."userId" JOIN "Organisation" o ON o.id = ra."organisationId"
         JOIN "Membership" m ON m."organisationId" = o.id AND m."consortiumId" = ra."consortiumId" WHERE u.email = $1`,
      [account?.email],
    );
    expect(rows).toEqual([{ kind: 'union', tier: 'labour' }]);
    const reps = await client.query<{ code: string; unionised: boolean }>(
      `SELECT f.code, f.unionised FROM "UnionRepresentation" r JOIN "Organisation" u ON u.id = r."unionOrganisationId" JOIN "Organisation" f ON f.id = r."firmOrganisationId"
        WHERE u.code = $1 AND r."createdAt" < $2 ORDER BY f.code`,
      [DEMO_UNION, today],
    );
    expect(reps.rows.map((r) => r.code)).toEqual([...REPRESENTED_FIRMS].sort());
    expect(reps.rows.every((r) => r.unionised)).toBe(true);
  });

  it('has plans in every state, with a history that leads to it', async () => {
    const { rows } = await client.query<{ code: string; year: number; status: string; coGoverned: boolean; firm: boolean; union: boolean; approved: boolean; events: string[]; comments: string[] }>(
      `SELECT o.code, p.year, p.status::text, p."coGoverned", p."firmApprovedAt" IS NOT NULL AS firm, p."unionApprovedAt" IS NOT NULL AS union, p."approvedAt" IS NOT NULL AS approved,
              array_agg(e.action || ':' || e."toStatus" ORDER BY e.at, e.id) AS events, array_remove(array_agg(e.comment ORDER BY e.at, e.id), NULL) AS comments
         FROM "TrainingPlan" p JOIN "Organisation" o ON o.id = p."organisationId" JOIN "TrainingPlanEvent" e ON e."planId" = p.id
        WHERE p.year IN ($1, $2) AND p."createdAt" < $3
        GROUP BY o.code, p.id ORDER BY o.code, p.year`,
      [year - 1, year, today],
    );
    const at = (code: string, y: number) => rows.find((r) => r.code === code && r.year === y);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['draft', 'submitted', 'returned', 'approved']));
    // submitted, approved by the firm, awaiting the union
    expect(at('acme-castings', year)).toMatchObject({ status: 'submitted', coGoverned: true, firm: true, union: false, approved: false });
    expect(at('acme-castings', year)?.events).toEqual(['created:draft', 'edited:draft', 'submitted:submitted', 'approved:submitted']);
    // returned by the union with a comment
    expect(at('menomonee-gray-iron', year)).toMatchObject({ status: 'returned', firm: false, union: false });
    expect(at('menomonee-gray-iron', year)?.events.at(-1)).toBe('returned:returned');
    expect(at('menomonee-gray-iron', year)?.comments[0]).toMatch(/second shift/);
    // approved by both sides
    expect(at('cream-city-steel-foundry', year)).toMatchObject({ status: 'approved', coGoverned: true, firm: true, union: true, approved: true });
    // a firm without a union: drafted this year, approved alone last year
    expect(at('badger-machining', year)).toMatchObject({ status: 'draft', coGoverned: false });
    expect(at('badger-machining', year - 1)).toMatchObject({ status: 'approved', coGoverned: false, firm: true, union: false, approved: true });
  });

  it('names the demo accounts as the actors of their own side, and dates every event in the past', async () => {
    const { rows } = await client.query<{ email: string | null; role: string; future: boolean }>(
      `SELECT DISTINCT u.email, e."actorRole"::text AS role, e.at > $2 AS future FROM "TrainingPlanEvent" e JOIN "TrainingPlan" p ON p.id = e."planId"
         LEFT JOIN "User" u ON u.id = e."actorUserId" JOIN "Organisation" o ON o.id = p."organisationId"
        WHERE o.code = 'acme-castings' AND p.year IN ($1, $1 - 1) AND p."createdAt" < $2`,
      [year, today],
    );
    expect(rows.filter((r) => r.future)).toEqual([]);
    expect(rows.map((r) => `${r.role} ${r.email}`).sort()).toEqual(['firm_admin supplier.admin@acme-castings.demo', 'union_representative union@glmp.demo']);
  });
});
