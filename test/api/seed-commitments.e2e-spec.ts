import pg from 'pg';
import { COMMITMENT_STATES } from '@tandem/contracts';
import { seed } from '../../prisma/seed';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/db';

jest.setTimeout(60_000);

/**
 * The charters-and-commitments part of the demo seed (prisma/seed/commitments.ts), read from a
 * database of this file's own: other suites publish charters and decide reviews in the shared one.
 */
describe('seed: charters and commitments', () => {
  let scratch: TestDatabase;
  let db: pg.Client;
  const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> => (await db.query<T>(sql, params)).rows;

  beforeAll(async () => {
    scratch = await createTestDatabase({ prefix: 'tandem_seedcommit', migrate: true });
    await seed(scratch.url, { log: () => undefined });
    db = new pg.Client({ connectionString: scratch.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    if (scratch) await dropTestDatabase(scratch.name);
  });

  it('glmp: version 1 with templates, signed by every admitted member; version 2 published and awaiting most signatures', async () => {
    const charters = await one<{ version: number; state: string; templates: number; signatures: number; admitted: number }>(
      `SELECT c.version, c.state::text,
              (SELECT count(*)::int FROM "CommitmentTemplate" t WHERE t."charterId" = c.id) AS templates,
              (SELECT count(*)::int FROM "CharterSignature" s WHERE s."charterId" = c.id) AS signatures,
              (SELECT count(*)::int FROM "Membership" m WHERE m."consortiumId" = c."consortiumId" AND m.status <> 'applicant') AS admitted
         FROM "Charter" c JOIN "Consortium" k ON k.id = c."consortiumId" WHERE k.slug = 'glmp' ORDER BY c.version`,
    );
    expect(charters.map((c) => [c.version, c.state])).toEqual([
      [1, 'superseded'],
      [2, 'published'],
    ]);
    expect(charters[0]!.templates).toBe(8);
    expect(charters[0]!.signatures).toBe(charters[0]!.admitted);
    expect(charters[1]!.templates).toBe(8);
    expect(charters[1]!.signatures).toBe(3);
    expect(charters[1]!.signatures).toBeLessThan(charters[1]!.admitted);
    // every signature names its signer
    expect(await one(`SELECT id FROM "CharterSignature" WHERE btrim("signerName") = ''`)).toEqual([]);
  });

  it('commitments for every active glmp member, every state represented, all evaluated', async () => {
    const missing = await one<{ code: string }>(
      `SELECT o.code FROM "Membership" m JOIN "Organisation" o ON o.id = m."organisationId" JOIN "Consortium" k ON k.id = m."consortiumId"
        WHERE k.slug = 'glmp' AND m.status = 'active' AND o.kind IN ('supplier', 'customer')
          AND NOT EXISTS (SELECT 1 FROM "Commitment" c WHERE c."organisationId" = o.id AND c."consortiumId" = k.id)`,
    );
    expect(missing).toEqual([]);
    const states = (await one<{ state: string }>(`SELECT DISTINCT state::text FROM "Commitment"`)).map((r) => r.state).sort();
    expect(states).toEqual([...COMMITMENT_STATES].sort());
    expect(await one(`SELECT id FROM "Commitment" WHERE state <> 'waived' AND "evaluatedAt" IS NULL`)).toEqual([]);
    expect(await one(`SELECT id FROM "Commitment" WHERE state = 'waived' AND "waivedReason" IS NULL`)).toEqual([]);
  });

  it('the customer whose sponsored supplier is still on annual rebid is at risk on its sourcing commitment', async () => {
    const rows = await one<{ state: string; actual: string }>(
      `SELECT c.state::text, c.actual::text FROM "Commitment" c
        WHERE c.kind = 'sponsored_suppliers_multi_year' AND c."endsOn" >= CURRENT_DATE
          AND EXISTS (SELECT 1 FROM "SupplyRelationship" r WHERE r."customerId" = c."organisationId" AND r.sponsored AND r."sourcingMode" = 'annual_rebid')`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.state).toBe('at_risk');
      expect(Number(r.actual)).toBeLessThan(100);
    }
  });

  it('every missed commitment has its review, one decided; every change is a transition', async () => {
    expect(await one(`SELECT c.id FROM "Commitment" c WHERE c.state = 'missed' AND NOT EXISTS (SELECT 1 FROM "CommitmentReview" r WHERE r."commitmentId" = c.id)`)).toEqual([]);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM "CommitmentReview" WHERE outcome IS NOT NULL`))[0]!.n).toBe(1);
    expect(await one(`SELECT c.id FROM "Commitment" c WHERE c.state <> 'on_track' AND NOT EXISTS (SELECT 1 FROM "CommitmentTransition" t WHERE t."commitmentId" = c.id AND t."toState" = c.state)`)).toEqual([]);
    // the story tells nobody: no e-mail waits in the outbox for it
    expect(await one(`SELECT id FROM "OutboxMessage" WHERE subject LIKE 'Commitment %'`)).toEqual([]);
  });
});
