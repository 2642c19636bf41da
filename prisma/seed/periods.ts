import type { PeriodState, Prisma } from '../generated/client';
import { STANDARD_CATALOGUE, standardDefinitionFields } from '@tandem/domain';
import { CONSORTIA } from './consortia';
import { addDays, day, rngFor, uuidv7 } from './prng';

/**
 * The supplier-performance calendar of the demo: the "today" of this part of the story and
 * the eight quarters both consortia report in. Everything is reported quarterly in the seed
 * (OTD and PPM are monthly metrics, and the API accepts them per quarter too), so the demo
 * has one coherent calendar rather than 24 monthly periods with three times the rows.
 */

/** The day the demo story of supplier performance is told on. Every seeded row is older. */
export const PERFORMANCE_TODAY = day('2026-11-24');

export interface QuarterSeed {
  code: string;
  year: number;
  quarter: number;
  startsOn: Date;
  endsOn: Date;
  /** the first day of the third month after the quarter ends (2026-Q3 → 2026-12-01) */
  dueOn: Date;
  state: PeriodState;
  closedAt: Date | null;
  publishedAt: Date | null;
  /** staff generate a year's calendar in mid-December of the year before */
  createdAt: Date;
  /** position in QUARTERS, 0 = the oldest */
  index: number;
}

function iso(year: number, month: number, dayOfMonth: number): Date {
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}

/**
 * 2025-Q1 … 2026-Q4. Published up to 2026-Q1, 2026-Q2 closed (validated, benchmarks under
 * review before publication), 2026-Q3 open and due in a week (the reminders job has firms to
 * chase), 2026-Q4 the running quarter.
 */
export const QUARTERS: readonly QuarterSeed[] = (() => {
  const out: QuarterSeed[] = [];
  const codes: [number, number][] = [];
  for (const year of [2025, 2026]) for (let q = 1; q <= 4; q++) codes.push([year, q]);
  codes.forEach(([year, quarter], index) => {
    const startsOn = iso(year, quarter * 3 - 2, 1);
    const endsOn = addDays(iso(year, quarter * 3 + 1, 1), -1);
    const dueOn = iso(year, quarter * 3 + 3, 1); // Date.UTC rolls month 13–15 into the next year
    const code = `${year}-Q${quarter}`;
    const closedAt = index < 6 ? addDays(dueOn, 21) : null;
    const publishedAt = index < 5 && closedAt ? addDays(closedAt, 14) : null;
    const state: PeriodState = publishedAt ? 'published' : closedAt ? 'closed' : 'open';
    out.push({ code, year, quarter, startsOn, endsOn, dueOn, state, closedAt, publishedAt, createdAt: iso(year - 1, 12, 15), index });
  });
  return out;
})();

export const CLOSED_QUARTERS = QUARTERS.filter((q) => q.state !== 'open');
export const OPEN_QUARTERS = QUARTERS.filter((q) => q.state === 'open');

export function quarterByCode(code: string): QuarterSeed {
  const q = QUARTERS.find((x) => x.code === code);
  if (!q) throw new Error(`unknown seed quarter ${code}`);
  return q;
}

export interface CatalogueRows {
  definitions: Prisma.MetricDefinitionCreateManyInput[];
  periods: Prisma.PeriodCreateManyInput[];
  /** `${slug}:${code}` → MetricDefinition id */
  metricId: Map<string, string>;
  /** `${slug}:${code}` → Period id */
  periodId: Map<string, string>;
}

/**
 * Both consortia's metric catalogue (the standard catalogue, exactly the rows the API's
 * seedCatalogue writes when a consortium is created, dated with the consortium) and their
 * quarterly calendar.
 */
export function buildCatalogueAndPeriods(consortiumIds: Map<string, string>, consortiumCreatedAt: Map<string, Date>): CatalogueRows {
  const rng = rngFor('metric-catalogue');
  const definitions: Prisma.MetricDefinitionCreateManyInput[] = [];
  const periods: Prisma.PeriodCreateManyInput[] = [];
  const metricId = new Map<string, string>();
  const periodId = new Map<string, string>();

  for (const c of CONSORTIA) {
    const consortiumId = consortiumIds.get(c.slug);
    const createdAt = consortiumCreatedAt.get(c.slug);
    if (!consortiumId || !createdAt) throw new Error(`catalogue: unknown consortium ${c.slug}`);
    for (const m of STANDARD_CATALOGUE) {
      const id = uuidv7(createdAt, rng);
      metricId.set(`${c.slug}:${m.code}`, id);
      definitions.push({
        id,
        consortiumId,
        ...standardDefinitionFields(m),
        createdAt,
        updatedAt: createdAt,
      });
    }
    for (const q of QUARTERS) {
      const id = uuidv7(q.createdAt, rng);
      periodId.set(`${c.slug}:${q.code}`, id);
      periods.push({
        id,
        consortiumId,
        code: q.code,
        kind: 'quarter',
        startsOn: q.startsOn,
        endsOn: q.endsOn,
        dueOn: q.dueOn,
        state: q.state,
        closedAt: q.closedAt,
        publishedAt: q.publishedAt,
        createdAt: q.createdAt,
        updatedAt: q.publishedAt ?? q.closedAt ?? q.createdAt,
      });
    }
  }
  return { definitions, periods, metricId, periodId };
}
