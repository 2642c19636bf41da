import type { Pool } from 'pg';
import { uniq } from './fixtures';

/** Helpers of the training-plans e2e files: rows written straight into PostgreSQL. */

export async function oneId(pool: Pool, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`no row from ${sql}`);
  return rows[0].id;
}

/**
 * A plan of `organisationId` in a year it has no plan for yet, picked at random among the free
 * years 3000–7999 (beyond what the API accepts, so they never meet a plan made through it; a
 * counter per file from a random start met another file's plans in CI's shared database), in
 * the given state.
 */
export async function planRow(
  pool: Pool,
  consortiumId: string,
  organisationId: string,
  state: 'draft' | 'submitted' | 'returned' | 'approved' = 'draft',
  opts: { coGoverned?: boolean; firmApproved?: boolean; unionApproved?: boolean; year?: number } = {},
): Promise<string> {
  const submitted = state !== 'draft';
  const co = opts.coGoverned ?? submitted;
  return oneId(
    pool,
    `INSERT INTO "TrainingPlan" (id, "consortiumId", "organisationId", year, status, "skillAreas", "frontlineWorkers", hours, budget, providers, "coGoverned", "firmApprovedAt", "unionApprovedAt", "approvedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2,
             COALESCE($3::int, (SELECT y FROM generate_series(3000, 7999) y
                                WHERE NOT EXISTS (SELECT 1 FROM "TrainingPlan" p WHERE p."consortiumId" = $1 AND p."organisationId" = $2 AND p.year = y)
                                ORDER BY random() LIMIT 1)),
             $4, '{lean}', 10, 240, 12000, '{}', $5, $6, $7, $8, now()) RETURNING id`,
    [consortiumId, organisationId, opts.year ?? null, state, co, opts.firmApproved || state === 'approved' ? new Date() : null, opts.unionApproved || (state === 'approved' && co) ? new Date() : null, state === 'approved' ? new Date() : null],
  );
}

/** A fresh active member organisation of a consortium, of a kind. */
export async function memberOrg(pool: Pool, consortiumId: string, kind: 'supplier' | 'union' | 'customer', opts: { unionised?: boolean } = {}): Promise<string> {
  const code = uniq(`tp-${kind}`);
  const id = await oneId(pool, `INSERT INTO "Organisation" (id, code, name, kind, unionised, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`, [
    code,
    `TP ${code}`,
    kind,
    opts.unionised ?? false,
  ]);
  await pool.query(`INSERT INTO "Membership" (id, "consortiumId", "organisationId", tier, status, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, 'active', now())`, [
    consortiumId,
    id,
    kind === 'union' ? 'labour' : kind === 'customer' ? 'anchor_customer' : 'supplier',
  ]);
  return id;
}

export async function representation(pool: Pool, consortiumId: string, unionId: string, firmId: string): Promise<string> {
  return oneId(
    pool,
    `INSERT INTO "UnionRepresentation" (id, "consortiumId", "unionOrganisationId", "firmOrganisationId") VALUES (gen_random_uuid(), $1, $2, $3)
     ON CONFLICT ("consortiumId", "unionOrganisationId", "firmOrganisationId") DO UPDATE SET "createdAt" = "UnionRepresentation"."createdAt" RETURNING id`,
    [consortiumId, unionId, firmId],
  );
}
