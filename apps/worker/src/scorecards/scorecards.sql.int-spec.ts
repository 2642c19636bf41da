import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import type { PeriodState, ScorecardCriterionResult, ScorecardThreshold, StandingRule } from '@tandem/contracts';
import { computeScorecard, type CandidateValues, type CriterionInput } from '@tandem/domain';
import { insertConsortium, insertMembership, insertMetric, insertOrganisation, insertPeriod, insertRelationship, insertTemplate, insertValue } from '../../../../test/support/sql-fixtures';
import { RECOMPUTE_SCORECARDS_SQL, type RecomputeCounts } from './scorecards.sql';

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const CONSORTIUM_STANDINGS: StandingRule[] = [
  { standing: 'preferred', minScore: 87.5 },
  { standing: 'approved', minScore: 72.25 },
  { standing: 'development', minScore: 50 },
  { standing: 'probation', minScore: 0 },
];
const CUSTOMER_STANDINGS: StandingRule[] = [
  { standing: 'approved', minScore: 60 },
  { standing: 'probation', minScore: 0 },
];

interface Metric {
  id: string;
  code: string;
  direction: 'higher' | 'lower';
}

describe('scorecards: the SQL statement and the TypeScript scoring agree', () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  afterAll(() => pool.end());

  it('computes the same score, standing, coverage and details for a random sample, open and closed, and a second run changes no row', async () => {
    const rnd = lcg(20260401);
    const tag = randomBytes(4).toString('hex');
    const consortiumId = await insertConsortium(pool, `sc-sql-${tag}`);
    const periodId = await insertPeriod(pool, { consortiumId, code: `2025-Q1`, startsOn: '2025-01-01', endsOn: '2025-03-31', dueOn: '2025-04-30' });
    const otherPeriodId = await insertPeriod(pool, { consortiumId, code: `2024-Q4`, startsOn: '2024-10-01', endsOn: '2024-12-31', dueOn: '2025-01-31' });
    const metrics: Metric[] = [];
    for (const [code, direction] of [['OTD', 'higher'], ['PPM', 'lower'], ['LEAD_TIME', 'lower'], ['OEE', 'higher'], ['LEADX', 'higher']] as const) {
      metrics.push({ id: await insertMetric(pool, { consortiumId, code, direction }), code, direction });
    }
    const thresholdsFor = (m: Metric): ScorecardThreshold[] =>
      m.direction === 'higher'
        ? [{ atLeast: 97.5, score: 100 }, { atLeast: 93.25, score: 82.5 }, { atLeast: 88, score: 41.75 }]
        : [{ atMost: 20.5, score: 100 }, { atMost: 150, score: 66.67 }, { atMost: 600, score: 12.5 }];

    const [otd, ppm, lead, oee, leadx] = metrics as [Metric, Metric, Metric, Metric, Metric];
    const consortiumCriteria = [
      { metric: otd, weight: 2.5 },
      { metric: ppm, weight: 1.125 },
      { metric: lead, weight: 0.333 },
      { metric: leadx, weight: 1 },
    ];
    const customers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await insertOrganisation(pool, { code: `sc-sql-c${i}-${tag}`, kind: 'customer' });
      await insertMembership(pool, consortiumId, id);
      customers.push(id);
    }
    const [ownCustomer] = customers as [string];
    const ownCriteria = [
      { metric: otd, weight: 3 },
      { metric: oee, weight: 7 },
    ];
    const consortiumTemplate = await insertTemplate(pool, {
      consortiumId,
      customerId: null,
      standings: CONSORTIUM_STANDINGS,
      criteria: consortiumCriteria.map((c) => ({ metricId: c.metric.id, weight: c.weight, thresholds: thresholdsFor(c.metric) })),
    });
    // an older, inactive template of the customer must not be picked
    await insertTemplate(pool, { consortiumId, customerId: ownCustomer, active: false, criteria: [{ metricId: ppm.id, weight: 1, thresholds: thresholdsFor(ppm) }] });
    const ownTemplate = await insertTemplate(pool, {
      consortiumId,
      customerId: ownCustomer,
      standings: CUSTOMER_STANDINGS,
      criteria: ownCriteria.map((c) => ({ metricId: c.metric.id, weight: c.weight, thresholds: thresholdsFor(c.metric) })),
    });

    interface Expected {
      relationshipId: string;
      templateId: string;
      criteria: CriterionInput[];
      standings: StandingRule[];
      values: Map<string, CandidateValues>;
    }
    const expected: Expected[] = [];
    const valueFor = (m: Metric): number => {
      const raw = m.direction === 'higher' ? 80 + rnd() * 20 : rnd() * 800;
      // some values sit exactly on a threshold
      if (rnd() < 0.15) return m.direction === 'higher' ? 93.25 : 150;
      return Math.round(raw * 1000) / 1000;
    };
    for (let i = 0; i < 40; i++) {
      const supplierId = await insertOrganisation(pool, { code: `sc-sql-s${i}-${tag}`, kind: 'supplier' });
      await insertMembership(pool, consortiumId, supplierId);
      const customerId = customers[i % customers.length] as string;
      const relationshipId = await insertRelationship(pool, { consortiumId, customerId, supplierId });
      const own = customerId === ownCustomer;
      const template = own ? ownTemplate : consortiumTemplate;
      const criteriaDef = own ? ownCriteria : consortiumCriteria;
      const values = new Map<string, CandidateValues>();
      for (const m of metrics) {
        const candidates: CandidateValues = {};
        if (rnd() < 0.6) {
          const v = valueFor(m);
          const validated = rnd() < 0.85;
          await insertValue(pool, { consortiumId, organisationId: supplierId, metricId: m.id, periodId, value: v, status: validated ? 'validated' : 'submitted' });
          if (validated) candidates.self = v;
        }
        if (rnd() < 0.4) {
          const v = valueFor(m);
          const validated = rnd() < 0.85;
          await insertValue(pool, { consortiumId, organisationId: supplierId, metricId: m.id, periodId, customerId, value: v, status: validated ? 'validated' : 'draft' });
          if (validated) candidates.customer = v;
        }
        // another customer's report about the same supplier never counts
        const other = customers.find((c) => c !== customerId) as string;
        if (rnd() < 0.3) await insertValue(pool, { consortiumId, organisationId: supplierId, metricId: m.id, periodId, customerId: other, value: valueFor(m) });
        // nor does another period
        if (rnd() < 0.3) await insertValue(pool, { consortiumId, organisationId: supplierId, metricId: m.id, periodId: otherPeriodId, value: valueFor(m) });
        values.set(m.id, candidates);
      }
      expected.push({
        relationshipId,
        templateId: template.id,
        standings: own ? CUSTOMER_STANDINGS : CONSORTIUM_STANDINGS,
        criteria: criteriaDef.map((c, k) => ({ criterionId: template.criterionIds[k] as string, metricId: c.metric.id, metricCode: c.metric.code, weight: c.weight, thresholds: thresholdsFor(c.metric) })),
        values,
      });
    }

    /** Runs the statement and compares every scorecard with computeScorecard for the period's state. */
    const compare = async (state: PeriodState) => {
      const counts = (await pool.query<RecomputeCounts>(RECOMPUTE_SCORECARDS_SQL, [consortiumId, periodId])).rows[0];
      const { rows } = await pool.query<{ relationshipId: string; templateId: string; score: string; standing: string; coverage: string; provisional: boolean; details: ScorecardCriterionResult[] }>(
        `SELECT "relationshipId", "templateId", score::text AS score, standing::text AS standing, coverage::text AS coverage, provisional, details FROM "Scorecard" WHERE "periodId" = $1`,
        [periodId],
      );
      const byRelationship = new Map(rows.map((r) => [r.relationshipId, r]));
      let scored = 0;
      const standingsSeen = new Set<string>();
      const kinds = new Set<string>();
      for (const e of expected) {
        const ts = computeScorecard(e.criteria, e.values, e.standings, { state });
        const sql = byRelationship.get(e.relationshipId);
        if (ts === null) {
          expect(sql).toBeUndefined();
          continue;
        }
        scored++;
        standingsSeen.add(ts.standing);
        kinds.add(`${ts.provisional}/${ts.coverage === 1}`);
        expect({
          relationshipId: e.relationshipId,
          templateId: sql?.templateId,
          score: Number(sql?.score),
          standing: sql?.standing,
          coverage: Number(sql?.coverage),
          provisional: sql?.provisional,
          details: sql?.details,
        }).toEqual({
          relationshipId: e.relationshipId,
          templateId: e.templateId,
          score: ts.score,
          standing: ts.standing,
          coverage: ts.coverage,
          provisional: ts.provisional,
          details: ts.details,
        });
      }
      // the sample is only worth something if it reaches several standings and both templates
      expect(scored).toBeGreaterThan(25);
      expect(standingsSeen.size).toBeGreaterThanOrEqual(3);
      expect(new Set(rows.map((r) => r.templateId)).size).toBe(2);
      return { counts, scored, kinds };
    };

    // open: every scorecard provisional, scored over its covered weight
    const open = await compare('open');
    expect(open.counts).toEqual({ computed: open.scored, inserted: open.scored, updated: 0, removed: 0 });
    expect(open.kinds).toEqual(new Set(['true/true', 'true/false']));

    const snapshot = async (): Promise<unknown[]> =>
      (await pool.query(`SELECT s.* FROM "Scorecard" s WHERE s."periodId" = $1 ORDER BY s.id`, [periodId])).rows;
    const before = await snapshot();
    const second = (await pool.query<RecomputeCounts>(RECOMPUTE_SCORECARDS_SQL, [consortiumId, periodId])).rows[0];
    expect(second).toEqual({ computed: open.scored, inserted: 0, updated: 0, removed: 0 });
    expect(await snapshot()).toEqual(before);

    // closed: complete scorecards turn final, incomplete ones score their missing criteria 0 and stay provisional
    await pool.query(`UPDATE "Period" SET state = 'closed', "closedAt" = now() WHERE id = $1`, [periodId]);
    const closed = await compare('closed');
    expect(closed.counts).toMatchObject({ computed: closed.scored, inserted: 0, removed: 0 });
    expect(closed.counts?.updated).toBeGreaterThan(0);
    expect(closed.kinds).toEqual(new Set(['false/true', 'true/false']));
    const closedBefore = await snapshot();
    expect((await pool.query<RecomputeCounts>(RECOMPUTE_SCORECARDS_SQL, [consortiumId, periodId])).rows[0]).toEqual({ computed: closed.scored, inserted: 0, updated: 0, removed: 0 });
    expect(await snapshot()).toEqual(closedBefore);
  });
});
