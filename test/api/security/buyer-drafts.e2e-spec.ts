import type { Pool } from 'pg';
import type { MetricGoal, MetricValue, MetricValueRevision, Period } from '@tandem/contracts';
import { call, q, startApi, type TestApi } from '../support/api';
import { dbPool, EMAIL, expectProblem, loadDemo, session, uniq, type Demo } from '../support/fixtures';
import { ensureCatalogue, freeYear, generateQuarters, metricIds, ok, relate, report } from '../support/performance';
import { SideEffectWatch } from '../support/side-effects';

/**
 * An outside attack found: `buyer@northstar-engines.demo` read Acme's draft values and
 * their notes. A customer buyer sees a supplier's self-reported value only once the supplier
 * submitted it (submitted or validated; never a draft, nor a rejected value sent back to the
 * firm), and without the firm's own working on it: no note, no review flag or note, no
 * pending change; of its revisions only the submitted and validated ones that were applied,
 * without note, reason or who made them. What the buyer itself reported about the supplier
 * stays fully visible. Lists, single reads, filters, counts (Content-Range) and revision
 * histories all agree; baselines shown with values and goals are never drafts.
 */

jest.setTimeout(60_000);

let api: TestApi;
let pool: Pool;
let demo: Demo;
let watch: SideEffectWatch;
let Y: number;
let P: Record<string, Period>;
let M: Record<string, string>;
const t = {} as Record<'staff' | 'admin' | 'contributor' | 'buyer', string>;

/** Acme's values of this file's year, as Acme reported them. */
const v = {} as Record<'draft' | 'submitted' | 'validated' | 'rejected' | 'history' | 'outlierBase' | 'outlier' | 'pending' | 'goalDraft' | 'goalLater' | 'ownReport', MetricValue>;
let goalMetric: string;
let goal: MetricGoal;

const SECRET = {
  draftNote: 'acme-draft-note-do-not-share',
  submittedNote: 'acme-submitted-note-internal',
  validatedNote: 'acme-validated-note-internal',
  historyNote: 'acme-history-note-internal',
  historyReason: 'acme-internal-correction-reason',
  pendingReason: 'acme-pending-change-reason',
  rejectReason: 'staff-reject-reason-for-acme',
};
/** Figures that exist only in drafts, a rejected value, a pending change or an outlier note: a buyer reads none of them. */
const HIDDEN_FIGURES = ['91.2345', '11.1117', '12.2229', '13.5791', '17.5432', '4.3219', '97.5313'];

beforeAll(async () => {
  api = await startApi();
  pool = dbPool();
  demo = await loadDemo(pool);
  // Acme shares every category with Northstar here, so what the buyer misses is what drafts,
  // rejections and pending changes hide (sharing.e2e-spec.ts tests the categories)
  await pool.query(
    `INSERT INTO "SharingSetting" (id, "consortiumId", "supplierId", "customerId", categories, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, enum_range(NULL::"MetricCategory"), now())
     ON CONFLICT ("consortiumId", "supplierId", "customerId") DO UPDATE SET categories = EXCLUDED.categories`,
    [demo.consortium.glmp, demo.org.acme, demo.org.northstar],
  );
  watch = new SideEffectWatch(pool);
  t.staff = await session(api, EMAIL.staff);
  t.admin = await session(api, EMAIL.acmeAdmin);
  t.contributor = await session(api, EMAIL.acmeContributor);
  t.buyer = await session(api, EMAIL.buyer);
  await ensureCatalogue(api, demo.consortium.glmp);
  await relate(pool, demo.consortium.glmp, demo.org.northstar, demo.org.acme);
  Y = await freeYear(pool);
  P = await generateQuarters(api, t.staff, Y);
  M = await metricIds(pool, demo.consortium.glmp);
  const act = async (id: string, action: string, token: string, body?: unknown) => ok<MetricValue>(call(api, 'POST', `/api/metric-values/${id}/${action}`, { token, body }));

  v.draft = await report(api, t.contributor, { metricId: M.OTD, periodId: P.Q1.id, value: 91.2345, note: SECRET.draftNote });
  v.submitted = await report(api, t.contributor, { metricId: M.OEE, periodId: P.Q1.id, value: 70.5, note: SECRET.submittedNote, submit: true });
  v.validated = await report(api, t.contributor, { metricId: M.SETUP_TIME, periodId: P.Q1.id, value: 42, note: SECRET.validatedNote, submit: true });
  v.validated = await act(v.validated.id, 'validate', t.staff);
  v.rejected = await report(api, t.contributor, { metricId: M.INV_TURNS, periodId: P.Q1.id, value: 17.5432, submit: true });
  v.rejected = await act(v.rejected.id, 'reject', t.staff, { reason: SECRET.rejectReason });

  // two draft revisions, then submitted: revision 3 is the first the firm shared
  v.history = await report(api, t.contributor, { metricId: M.LEAD_TIME, periodId: P.Q1.id, value: 11.1117, note: 'first count' });
  v.history = await ok<MetricValue>(call(api, 'PUT', `/api/metric-values/${v.history.id}`, { token: t.contributor, body: { revision: 1, value: 12.2229, note: SECRET.historyNote, reason: SECRET.historyReason } }));
  v.history = await ok<MetricValue>(call(api, 'PUT', `/api/metric-values/${v.history.id}`, { token: t.contributor, body: { revision: 2, value: 12.5, submit: true } }));

  // an outlier against a draft of the period before: the flag and its note carry the draft's figure
  v.outlierBase = await report(api, t.contributor, { metricId: M.COST_INDEX, periodId: P.Q1.id, value: 4.3219 });
  v.outlier = await report(api, t.contributor, { metricId: M.COST_INDEX, periodId: P.Q2.id, value: 90, submit: true });

  // a validated value of a period closed since, with a change awaiting staff approval
  v.pending = await report(api, t.contributor, { metricId: M.SCRAP, periodId: P.Q3.id, value: 2.5, submit: true });
  await act(v.pending.id, 'validate', t.staff);
  await pool.query(`UPDATE "Period" SET state = 'closed', "closedAt" = now() WHERE id = $1`, [P.Q3.id]);
  v.pending = await ok<MetricValue>(call(api, 'PUT', `/api/metric-values/${v.pending.id}`, { token: t.contributor, body: { revision: 2, value: 13.5791, reason: SECRET.pendingReason } }));

  // a goal whose baseline period holds only a draft
  goalMetric = (
    await pool.query<{ id: string }>(
      `INSERT INTO "MetricDefinition" (id, "consortiumId", code, name, unit, direction, "minValue", "maxValue", frequency, reporters, category, "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'Buyer drafts metric', 'x', 'higher', 0, 1000, 'quarterly', '{supplier}', 'delivery', now()) RETURNING id`,
      [demo.consortium.glmp, uniq('BD').toUpperCase().replace(/-/g, '_')],
    )
  ).rows[0]!.id;
  v.goalDraft = await report(api, t.contributor, { metricId: goalMetric, periodId: P.Q1.id, value: 97.5313 });
  goal = await ok<MetricGoal>(call(api, 'POST', '/api/metric-goals', { token: t.admin, body: { metricId: goalMetric, baselinePeriodId: P.Q1.id, goalValue: 200 } }), 201);
  v.goalLater = await report(api, t.contributor, { metricId: goalMetric, periodId: P.Q2.id, value: 150, submit: true });

  // the buyer's own report about Acme, with its own note
  v.ownReport = await report(api, t.buyer, { organisationId: demo.org.acme, metricId: M.OTD, periodId: P.Q1.id, value: 88, note: 'northstar-own-note' });
});

afterAll(async () => {
  await pool?.query(`DELETE FROM "SharingSetting" WHERE "supplierId" = $1 AND "customerId" = $2`, [demo?.org.acme, demo?.org.northstar]);
  await watch?.close();
  await api?.close();
  await pool?.end();
});

const periodsOfYear = () => [P.Q1.id, P.Q2.id, P.Q3.id, P.Q4.id];

async function buyerList(filter: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<{ rows: MetricValue[]; total: number }> {
  const res = await call(api, 'GET', `/api/metric-values${q({ range: [0, 199], filter: { organisationId: demo.org.acme, periodId: periodsOfYear(), ...filter }, ...extra })}`, { token: t.buyer });
  const rows = await ok<MetricValue[]>(res);
  const total = Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);
  return { rows, total };
}

/** Nothing of the firm's own working in an answer to the buyer (ids and timestamps aside: their digits are not figures). */
function expectNothingHidden(body: unknown): void {
  const text = JSON.stringify(body)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>');
  for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret);
  for (const figure of HIDDEN_FIGURES) expect(text).not.toContain(figure);
}

describe('a buyer reading its supplier Acme', () => {
  it('lists only submitted and validated values of Acme and its own reports; the count agrees', async () => {
    const { rows, total } = await buyerList({});
    const shared = [v.submitted, v.validated, v.history, v.outlier, v.pending, v.goalLater, v.ownReport].map((x) => x.id).sort();
    expect(rows.map((r) => r.id).sort()).toEqual(shared);
    expect(total).toBe(shared.length);
    expect(rows.every((r) => r.customerId === demo.org.northstar || ['submitted', 'validated'].includes(r.status))).toBe(true);
    expectNothingHidden(rows);

    // the same count as the scope rule lets through, computed by SQL, over every firm of the year (one row per page)
    const all = await call(api, 'GET', `/api/metric-values${q({ range: [0, 0], filter: { periodId: periodsOfYear() } })}`, { token: t.buyer });
    const { rows: expected } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "MetricValue" v
        WHERE v."consortiumId" = $1 AND v."periodId" = ANY($3::uuid[])
          AND (v."customerId" = $2
               OR (v."customerId" IS NULL AND v.status IN ('submitted', 'validated')
                   AND EXISTS (SELECT 1 FROM "SupplyRelationship" r WHERE r."consortiumId" = $1 AND r."customerId" = $2 AND r."supplierId" = v."organisationId")))`,
      [demo.consortium.glmp, demo.org.northstar, periodsOfYear()],
    );
    expect(all.headers.get('content-range')).toMatch(new RegExp(`/${expected[0]!.n}$`));
  });

  it('filters and counts see no draft or rejected value', async () => {
    for (const status of ['draft', 'rejected'] as const) {
      const { rows, total } = await buyerList({ status, customerReported: false });
      expect({ status, rows, total }).toEqual({ status, rows: [], total: 0 });
    }
    // the buyer's own draft report is its own
    expect((await buyerList({ status: 'draft' })).rows.map((r) => r.id)).toEqual([v.ownReport.id]);
    const byId = await buyerList({ id: [v.draft.id, v.rejected.id, v.outlierBase.id, v.goalDraft.id, v.submitted.id] });
    expect(byId.rows.map((r) => r.id)).toEqual([v.submitted.id]);
    expect(byId.total).toBe(1);
    const search = await buyerList({ q: 'OTD' });
    expect(search.rows.map((r) => r.id)).toEqual([v.ownReport.id]);
    expect(search.total).toBe(1);
  });

  it('reads a draft or a rejected value as not there, and cannot act on it', async () => {
    for (const hidden of [v.draft, v.rejected, v.outlierBase, v.goalDraft]) {
      const res = await call(api, 'GET', `/api/metric-values/${hidden.id}`, { token: t.buyer });
      expectProblem(res, 404);
      expect(res.body).toMatchObject({ detail: 'Metric value not found' });
      expectProblem(await call(api, 'GET', `/api/metric-values/${hidden.id}/revisions`, { token: t.buyer }), 404);
      expectProblem(await watch.expectNone(() => call(api, 'PATCH', `/api/metric-values/${hidden.id}`, { token: t.buyer, body: { revision: hidden.revision, value: 1 } })), 404);
      expectProblem(await watch.expectNone(() => call(api, 'POST', `/api/metric-values/${hidden.id}/submit`, { token: t.buyer })), 404);
    }
  });

  it('sees a shared value without the note, the review flag or the pending change', async () => {
    for (const shared of [v.submitted, v.validated, v.history, v.outlier, v.pending]) {
      const seen = await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${shared.id}`, { token: t.buyer }));
      expect(seen).toMatchObject({ id: shared.id, note: null, outlier: false, outlierNote: null, pendingRevision: null, rejectionReason: null });
      expectNothingHidden(seen);
    }
    // the firm itself sees all of it
    const own = await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${v.outlier.id}`, { token: t.admin }));
    expect(own).toMatchObject({ outlier: true, outlierNote: expect.stringContaining('4.3219') });
    expect(await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${v.pending.id}`, { token: t.admin }))).toMatchObject({ value: 2.5, pendingRevision: 3 });
    expect(await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${v.submitted.id}`, { token: t.contributor }))).toMatchObject({ note: SECRET.submittedNote });
  });

  it('cannot tell the flagged values apart by filtering or sorting on the flag', async () => {
    expect((await buyerList({ outlier: true })).total).toBe(0);
    expect((await buyerList({ outlier: false })).rows.map((r) => r.id)).toContain(v.outlier.id);
    const sorted = await call(api, 'GET', `/api/metric-values${q({ sort: ['outlier', 'DESC'] })}`, { token: t.buyer });
    expect(expectProblem(sorted, 400).errors?.[0]?.path).toBe('sort');
    // staff still work their review queue by it
    const flagged = await call(api, 'GET', `/api/metric-values${q({ filter: { outlier: true, id: [v.outlier.id] } })}`, { token: t.staff });
    expect((await ok<MetricValue[]>(flagged)).map((r) => r.id)).toEqual([v.outlier.id]);
  });

  it('reads only the shared, applied revisions of a supplier value, without note, reason or actor', async () => {
    const history = await ok<MetricValueRevision[]>(call(api, 'GET', `/api/metric-values/${v.history.id}/revisions`, { token: t.buyer }));
    expect(history).toEqual([
      expect.objectContaining({ revision: 3, before: null, after: expect.objectContaining({ value: 12.5, status: 'submitted', note: null }), reason: null, actorUserId: null, actorApiKeyId: null }),
    ]);
    const pending = await ok<MetricValueRevision[]>(call(api, 'GET', `/api/metric-values/${v.pending.id}/revisions`, { token: t.buyer }));
    expect(pending.map((r) => [r.revision, r.after.status, r.approval])).toEqual([
      [1, 'submitted', 'not_needed'],
      [2, 'validated', 'not_needed'],
    ]);
    expectNothingHidden([history, pending]);
    // the firm reads the whole history
    const full = await ok<MetricValueRevision[]>(call(api, 'GET', `/api/metric-values/${v.history.id}/revisions`, { token: t.admin }));
    expect(full.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(full[1]).toMatchObject({ reason: SECRET.historyReason, after: { note: SECRET.historyNote } });
  });

  it('reads its own report about the supplier in full', async () => {
    const own = await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${v.ownReport.id}`, { token: t.buyer }));
    expect(own).toMatchObject({ customerId: demo.org.northstar, status: 'draft', note: 'northstar-own-note', value: 88 });
    const revisions = await ok<MetricValueRevision[]>(call(api, 'GET', `/api/metric-values/${v.ownReport.id}/revisions`, { token: t.buyer }));
    expect(revisions).toEqual([expect.objectContaining({ revision: 1, after: expect.objectContaining({ note: 'northstar-own-note', status: 'draft' }), actorUserId: demo.user.buyer })]);
  });

  it('sees no baseline taken from a draft, in values or goals', async () => {
    expect(goal).toMatchObject({ baselinePeriodId: P.Q1.id, baselineValue: null });
    const seen = await ok<MetricGoal>(call(api, 'GET', `/api/metric-goals/${goal.id}`, { token: t.buyer }));
    expect(seen.baselineValue).toBeNull();
    for (const token of [t.buyer, t.admin]) {
      const later = await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${v.goalLater.id}`, { token }));
      expect(later).toMatchObject({ baselineValue: null, improvementSinceBaseline: null, goalValue: 200 });
    }
  });
});
