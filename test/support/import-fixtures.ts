import type { Pool } from 'pg';
import { categoryOfMetric, DEFAULT_OUTLIER_FACTOR, STANDARD_CATALOGUE } from '@tandem/domain';

/**
 * Test and benchmark fixtures of imports (apps/worker imports.int-spec.ts, test/api imports specs,
 * bench/import.ts); not used by the worker itself.
 *
 * What an import needs that the demo seed does not (yet) have: the standard metric
 * catalogue of a consortium and a few periods. Idempotent on the catalogue (a consortium
 * seeded by the metric-definitions module already has it); periods use a year picked at
 * random per test file, since every test file of a run shares one database.
 */
export async function ensureCatalogue(pool: Pool, consortiumId: string): Promise<void> {
  for (const m of STANDARD_CATALOGUE) {
    await pool.query(
      `INSERT INTO "MetricDefinition" (id, "consortiumId", code, name, unit, direction, "minValue", "maxValue", frequency, reporters, "isRatio",
                                       "ratioScale", "numeratorLabel", "denominatorLabel", "outlierFactor", category, standard, enabled, "createdAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::"MetricDirection", $6, $7, $8::"MetricFrequency", $9::"MetricReporter"[], $10, $11, $12, $13, $14, $15::"MetricCategory", true, true, now(), now())
       ON CONFLICT ("consortiumId", code) DO NOTHING`,
      [consortiumId, m.code, m.name, m.unit, m.direction, m.minValue, m.maxValue, m.frequency, m.reporters, m.isRatio, m.ratioScale, m.numeratorLabel, m.denominatorLabel, DEFAULT_OUTLIER_FACTOR, categoryOfMetric(m.code)],
    );
  }
}

export interface TestPeriods {
  year: number;
  /** code → id */
  ids: Record<string, string>;
}

/** A random year far from real data; 2100–2899 keeps within the calendar's accepted years. */
export function randomYear(): number {
  return 2100 + Math.floor(Math.random() * 800);
}

/** Periods `${year}-Q1..Q4` and `${year}-01..03` of a consortium, in the given states (default open). */
export async function createPeriods(pool: Pool, consortiumId: string, year: number, states: Record<string, 'open' | 'closed' | 'published'> = {}): Promise<TestPeriods> {
  const ids: Record<string, string> = {};
  const quarters = [1, 2, 3, 4].map((q) => ({ code: `${year}-Q${q}`, kind: 'quarter', start: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`, months: 3 }));
  const months = [1, 2, 3].map((m) => ({ code: `${year}-${String(m).padStart(2, '0')}`, kind: 'month', start: `${year}-${String(m).padStart(2, '0')}-01`, months: 1 }));
  for (const p of [...quarters, ...months]) {
    const state = states[p.code] ?? 'open';
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO "Period" (id, "consortiumId", code, kind, "startsOn", "endsOn", "dueOn", state, "closedAt", "createdAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3::"PeriodKind", $4::date, (($4::date + make_interval(months => $5))::date - 1), (($4::date + make_interval(months => $5))::date + 29),
               $6::"PeriodState", CASE WHEN $6 <> 'open' THEN now() END, now(), now())
       ON CONFLICT ("consortiumId", code) DO UPDATE SET state = EXCLUDED.state
       RETURNING id`,
      [consortiumId, p.code, p.kind, p.start, p.months, state],
    );
    ids[p.code] = rows[0]?.id ?? '';
  }
  return { year, ids };
}

/** `count` active supplier members of a consortium, codes `${prefix}-1` … (for large files). */
export async function createSuppliers(pool: Pool, consortiumId: string, prefix: string, count: number): Promise<string[]> {
  const codes = Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
  await pool.query(
    `WITH o AS (
       INSERT INTO "Organisation" (id, code, name, kind, "registeredByConsortiumId", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), c, 'Supplier ' || c, 'supplier', $1, now(), now() FROM unnest($2::text[]) AS c
       RETURNING id)
     INSERT INTO "Membership" (id, "consortiumId", "organisationId", tier, status, "joinedAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, o.id, 'supplier', 'active', '2024-01-01', now(), now() FROM o`,
    [consortiumId, codes],
  );
  return codes;
}

/** Quarterly-reportable metrics of the standard catalogue (OTD is monthly but may be reported per quarter). */
export const QUARTERLY_METRICS = ['LEAD_TIME', 'CYCLE_TIME', 'SETUP_TIME', 'INV_TURNS', 'COST_INDEX', 'OEE', 'TRIR', 'VA_EMP', 'SCRAP', 'OTD'] as const;

/** A plausible value cell (or value,numerator,denominator cells) of a metric, varying with n. */
export function cellsFor(metric: string, n: number): string {
  switch (metric) {
    case 'OTD':
      return `,${900 + (n % 100)},1000`;
    case 'SCRAP':
      return `${((n % 50) / 10).toFixed(1)},,`;
    case 'OEE':
      return `${50 + (n % 40)}.5,,`;
    case 'TRIR':
      return `${(n % 7) + 0.25},,`;
    case 'VA_EMP':
      return `${90_000 + (n % 30_000)},,`;
    default:
      return `${(n % 90) + 1},,`;
  }
}
