import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

/** The triggers behind staff scoping of organisations (migration organisation_visibility). */
describe('Organisation.consortiumIds', () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  afterAll(() => pool.end());

  async function consortium(): Promise<string> {
    const id = randomUUID();
    const slug = `vis-${id.slice(0, 8)}`;
    await pool.query(`INSERT INTO "Consortium" (id, name, slug, region, "updatedAt") VALUES ($1, $2, $3, 'Test', now())`, [id, `Visibility ${slug}`, slug]);
    return id;
  }
  async function visible(org: string): Promise<string[]> {
    const { rows } = await pool.query<{ ids: string[] }>(`SELECT "consortiumIds" AS ids FROM "Organisation" WHERE id = $1`, [org]);
    return [...rows[0]!.ids].sort();
  }

  it('follows registration and memberships, and cannot be written directly', async () => {
    const [a, b] = [await consortium(), await consortium()];
    const org = randomUUID();
    await pool.query(
      `INSERT INTO "Organisation" (id, code, name, kind, "registeredByConsortiumId", "updatedAt") VALUES ($1, $2, 'Visible Co', 'supplier', $3, now())`,
      [org, `vis-${org.slice(0, 8)}`, a],
    );
    expect(await visible(org)).toEqual([a]);

    const membership = randomUUID();
    await pool.query(`INSERT INTO "Membership" (id, "consortiumId", "organisationId", tier, "updatedAt") VALUES ($1, $2, $3, 'supplier', now())`, [membership, b, org]);
    expect(await visible(org)).toEqual([a, b].sort());

    // A direct write is recomputed from the truth, so the array can never drift.
    await pool.query(`UPDATE "Organisation" SET "consortiumIds" = ARRAY[]::uuid[] WHERE id = $1`, [org]);
    expect(await visible(org)).toEqual([a, b].sort());

    await pool.query(`UPDATE "Organisation" SET "registeredByConsortiumId" = NULL WHERE id = $1`, [org]);
    expect(await visible(org)).toEqual([b]);

    await pool.query(`DELETE FROM "Membership" WHERE id = $1`, [membership]);
    expect(await visible(org)).toEqual([]);
  });
});
