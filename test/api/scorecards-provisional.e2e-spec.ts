process.env.LOG_LEVEL ??= 'silent';
import type { INestApplicationContext } from '@nestjs/common';
import type { Pool } from 'pg';
import type { CorrectiveActionPlan, MetricValue, Period, Scorecard, StandingHistoryEntry, StandingRule } from '@tandem/contracts';
import { JobProducer } from '@tandem/server';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { insertMembership, insertOrganisation, insertRelationship, insertTemplate, insertUser } from '../support/sql-fixtures';
import { RecomputeScorecardsJob } from '../../apps/worker/src/scorecards/recompute-scorecards.job';
import { call, q, startApi, type TestApi } from './support/api';
import { dbPool, EMAIL, loadDemo, session, uniq, type Demo } from './support/fixtures';
import { waitFor } from './support/wait';
import { ensureCatalogue, freeYear, metricIds, ok, report } from './support/performance';

jest.setTimeout(90_000);

/**
 * A standing only on enough data: the acceptance test of provisional scorecards.
 *
 * Acme → Northstar read "70, Development" from two values validated in an OPEN period
 * (LEAD_TIME alone, 20 % of the weight): a corrective action plan opened and the supplier was
 * e-mailed. Now a scorecard carries its coverage; in an open period, or with a criterion
 * missing, it is provisional — no plan, no e-mail (OutboxMessage), no entry in the standing
 * history. Closing the period with full coverage makes the standing final and its
 * consequences happen once, however often the scorecards are recomputed (and across a
 * reopening and a second close). A supplier still incomplete at the close scores 0 on what
 * is missing and stays provisional.
 */

// Northstar's own template (prisma/seed/scorecards.ts): OTD 40, PPM 40, LEAD_TIME 20
const STANDINGS: StandingRule[] = [
  { standing: 'preferred', minScore: 88 },
  { standing: 'approved', minScore: 72 },
  { standing: 'development', minScore: 55 },
  { standing: 'probation', minScore: 0 },
];

describe('a standing only on enough data (provisional scorecards)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let pool: Pool;
  let demo: Demo;
  let staff: string;
  let glmp: string;
  let period: Period;
  let M: Record<string, string>;
  const tag = uniq('prov');
  const org = {} as Record<'customer' | 'complete' | 'partial', string>;
  const rel = {} as Record<'complete' | 'partial', string>;
  const admin = { complete: `admin.complete.${tag}@example.test`, partial: `admin.partial.${tag}@example.test` };

  beforeAll(async () => {
    api = await startApi();
    worker = await createWorker();
    pool = dbPool();
    demo = await loadDemo(pool);
    glmp = demo.consortium.glmp;
    await ensureCatalogue(api, glmp);
    staff = await session(api, EMAIL.staff);
    M = await metricIds(pool, glmp);
    org.customer = await insertOrganisation(pool, { code: `${tag}-cust`, name: `Customer ${tag}`, kind: 'customer' });
    org.complete = await insertOrganisation(pool, { code: `${tag}-complete`, name: `Complete ${tag}`, kind: 'supplier' });
    org.partial = await insertOrganisation(pool, { code: `${tag}-partial`, name: `Partial ${tag}`, kind: 'supplier' });
    for (const id of Object.values(org)) await insertMembership(pool, glmp, id);
    await insertUser(pool, { email: admin.complete, role: 'firm_admin', consortiumId: glmp, organisationId: org.complete });
    await insertUser(pool, { email: admin.partial, role: 'firm_admin', consortiumId: glmp, organisationId: org.partial });
    rel.complete = await insertRelationship(pool, { consortiumId: glmp, customerId: org.customer, supplierId: org.complete });
    rel.partial = await insertRelationship(pool, { consortiumId: glmp, customerId: org.customer, supplierId: org.partial });
    await insertTemplate(pool, {
      consortiumId: glmp,
      customerId: org.customer,
      standings: STANDINGS,
      criteria: [
        { metricId: M.OTD as string, weight: 40, thresholds: [{ atLeast: 98, score: 100 }, { atLeast: 96, score: 85 }, { atLeast: 94, score: 70 }, { atLeast: 90, score: 50 }, { atLeast: 85, score: 25 }] },
        { metricId: M.PPM as string, weight: 40, thresholds: [{ atMost: 150, score: 100 }, { atMost: 300, score: 85 }, { atMost: 600, score: 70 }, { atMost: 1200, score: 50 }, { atMost: 2500, score: 25 }] },
        { metricId: M.LEAD_TIME as string, weight: 20, thresholds: [{ atMost: 14, score: 100 }, { atMost: 21, score: 85 }, { atMost: 30, score: 70 }, { atMost: 45, score: 50 }, { atMost: 60, score: 25 }] },
      ],
    });
    const year = await freeYear(pool);
    period = await ok<Period>(call(api, 'POST', '/api/periods', { token: staff, body: { code: `${year}-Q4` } }), 201);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await pool?.end();
  });

  /** The firm reports and submits; staff validate. */
  async function validated(email: string, metric: string, value: number): Promise<MetricValue> {
    const firm = await session(api, email);
    const v = await report(api, firm, { metricId: M[metric], periodId: period.id, value, submit: true });
    return ok<MetricValue>(call(api, 'POST', `/api/metric-values/${v.id}/validate`, { token: staff }));
  }

  const recompute = () => worker.get(RecomputeScorecardsJob).run({ consortiumId: glmp, periodId: period.id });

  async function card(relationshipId: string): Promise<Scorecard> {
    const [c, ...more] = await ok<Scorecard[]>(call(api, 'GET', `/api/scorecards${q({ filter: { relationshipId, periodId: period.id } })}`, { token: staff }));
    expect(more).toEqual([]);
    if (!c) throw new Error(`no scorecard for ${relationshipId}`);
    return c;
  }

  /** The consequences a standing may have: plans, e-mails to the supplier's admin, history entries. */
  async function consequences(key: 'complete' | 'partial') {
    const plans = await ok<CorrectiveActionPlan[]>(call(api, 'GET', `/api/corrective-action-plans${q({ filter: { relationshipId: rel[key] } })}`, { token: staff }));
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE "to" = $1`, [admin[key]]);
    const history = await ok<StandingHistoryEntry[]>(call(api, 'GET', `/api/supply-relationships/${rel[key]}/standing-history`, { token: staff }));
    return { plans: plans.length, emails: rows[0]?.n, history: history.map((h) => [h.periodId, h.score, h.standing]) };
  }
  const NONE = { plans: 0, emails: 0, history: [] };

  it('values validated for part of the weight in an open period give a provisional scorecard with its coverage, and nothing else', async () => {
    // the reported case: LEAD_TIME alone (20 % of the weight) validated, 25 days → 70 points
    await validated(admin.complete, 'LEAD_TIME', 25);
    await validated(admin.partial, 'LEAD_TIME', 25);
    const result = await recompute();
    expect(result).toMatchObject({ plansOpened: 0, emails: 0 });

    const c = await card(rel.complete);
    expect(c).toMatchObject({ score: 70, standing: 'development', coverage: 0.2, provisional: true });
    expect(c.details.map((d) => [d.metricCode, d.value, d.score])).toEqual([
      ['LEAD_TIME', 25, 70],
      ['OTD', null, null],
      ['PPM', null, null],
    ]);
    expect(await consequences('complete')).toEqual(NONE);
    expect(await consequences('partial')).toEqual(NONE);
  });

  it('full coverage while the period is still open: the standing is still provisional', async () => {
    // OTD 92 → 50, PPM 500 → 70, LEAD_TIME 25 → 70: (40·50 + 40·70 + 20·70) / 100 = 62, development
    await validated(admin.complete, 'OTD', 92);
    await validated(admin.complete, 'PPM', 500);
    await recompute();
    expect(await card(rel.complete)).toMatchObject({ score: 62, standing: 'development', coverage: 1, provisional: true });
    expect(await consequences('complete')).toEqual(NONE);
  });

  it('closing the period with full coverage makes the standing final: one plan, one e-mail, one history entry', async () => {
    await ok<Period>(call(api, 'POST', `/api/periods/${period.id}/close`, { token: staff }));
    // the close enqueues the recompute; the worker runs it
    const queue = worker.get(JobProducer).queue('follow-up');
    const jobId = `scorecards-recompute-${period.id}-closed-r0`;
    await waitFor(async () => {
      const job = await queue.getJob(jobId);
      const state = await job?.getState();
      if (state === 'failed') throw new Error(`recompute failed: ${job?.failedReason}`);
      return state === 'completed' ? true : undefined;
    }, `job ${jobId}`);

    expect(await card(rel.complete)).toMatchObject({ score: 62, standing: 'development', coverage: 1, provisional: false });
    expect(await consequences('complete')).toEqual({ plans: 1, emails: 1, history: [[period.id, 62, 'development']] });
    const { rows } = await pool.query<{ subject: string }>(`SELECT subject FROM "OutboxMessage" WHERE "to" = $1`, [admin.complete]);
    expect(rows.map((r) => r.subject)).toEqual([expect.stringMatching(/^Corrective action plan opened: Complete .* at development with Customer .* \(\d{4}-Q4\)$/)]);
  });

  it('an incomplete scorecard at the close scores 0 on what is missing and stays provisional: no consequence', async () => {
    // LEAD_TIME 70 points × 20 % of the weight, OTD and PPM missing: 14, probation — but not a standing yet
    expect(await card(rel.partial)).toMatchObject({ score: 14, standing: 'probation', coverage: 0.2, provisional: true });
    expect(await consequences('partial')).toEqual(NONE);
  });

  it('recomputing again changes nothing: the consequences happened once', async () => {
    const before = (await pool.query(`SELECT * FROM "Scorecard" WHERE "periodId" = $1 ORDER BY id`, [period.id])).rows;
    expect(await recompute()).toMatchObject({ inserted: 0, updated: 0, removed: 0, plansOpened: 0, emails: 0 });
    const res = await call(api, 'POST', '/api/scorecards/recompute', { token: staff, body: { periodId: period.id } });
    expect(res.status).toBe(202);
    expect(await recompute()).toMatchObject({ plansOpened: 0, emails: 0 });
    expect((await pool.query(`SELECT * FROM "Scorecard" WHERE "periodId" = $1 ORDER BY id`, [period.id])).rows).toEqual(before);
    expect(await consequences('complete')).toEqual({ plans: 1, emails: 1, history: [[period.id, 62, 'development']] });
    expect(await consequences('partial')).toEqual(NONE);
  });

  it('reopening keeps what was triggered; the period is provisional again meanwhile, and the next close opens no second plan', async () => {
    await ok<Period>(call(api, 'POST', `/api/periods/${period.id}/reopen`, { token: staff, body: { reason: 'The partial supplier sent its figures late' } }));
    await recompute();
    expect(await card(rel.complete)).toMatchObject({ provisional: true });
    // the plan and the e-mail stay; the period is out of the standing history until it closes again
    expect(await consequences('complete')).toEqual({ plans: 1, emails: 1, history: [] });

    // the late figures: OTD 99 → 100, PPM 100 → 100, LEAD_TIME 25 → 70: 94, preferred once closed
    await validated(admin.partial, 'OTD', 99);
    await validated(admin.partial, 'PPM', 100);
    await ok<Period>(call(api, 'POST', `/api/periods/${period.id}/close`, { token: staff }));
    await recompute();
    expect(await card(rel.complete)).toMatchObject({ score: 62, standing: 'development', provisional: false });
    expect(await card(rel.partial)).toMatchObject({ score: 94, standing: 'preferred', coverage: 1, provisional: false });
    expect(await consequences('complete')).toEqual({ plans: 1, emails: 1, history: [[period.id, 62, 'development']] });
    expect(await consequences('partial')).toEqual({ plans: 0, emails: 0, history: [[period.id, 94, 'preferred']] });
  });
});
