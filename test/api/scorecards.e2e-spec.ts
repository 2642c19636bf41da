process.env.LOG_LEVEL ??= 'silent';
import type { INestApplicationContext } from '@nestjs/common';
import type { Pool } from 'pg';
import type { CorrectiveActionPlan, CorrectiveActionTask, Scorecard, ScorecardRecomputeAccepted, ScorecardTemplate, StandingHistoryEntry, SupplyRelationship } from '@tandem/contracts';
import { JobProducer } from '@tandem/server';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { insertMembership, insertMetric, insertOrganisation, insertPeriod, insertUser, insertValue, OTD_THRESHOLDS, PPM_THRESHOLDS } from '../support/sql-fixtures';
import { RecomputeScorecardsJob } from '../../apps/worker/src/scorecards/recompute-scorecards.job';
import { call, q, startApi, type TestApi } from './support/api';
import { dbPool, EMAIL, errorPaths, expectProblem, expectStatus, loadDemo, session, uniq, type Demo } from './support/fixtures';
import { waitFor } from './support/wait';

jest.setTimeout(60_000);

const STANDINGS = [
  { standing: 'probation', minScore: 0 },
  { standing: 'preferred', minScore: 85 },
  { standing: 'development', minScore: 50 },
  { standing: 'approved', minScore: 70 },
];

describe('scorecards computed from validated values, with corrective action plans', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let pool: Pool;
  let demo: Demo;
  let staff: string;
  const tag = uniq('sc');
  const org = {} as Record<'customer' | 'good' | 'weak', string>;
  const email = { buyer: `buyer.${tag}@example.test`, goodAdmin: `admin.good.${tag}@example.test`, weakAdmin: `admin.weak.${tag}@example.test` };
  const metric = {} as Record<'otd' | 'ppm', string>;
  const period = {} as Record<'q1' | 'q2', string>;
  const rel = {} as Record<'good' | 'weak', string>;

  beforeAll(async () => {
    api = await startApi();
    worker = await createWorker();
    pool = dbPool();
    demo = await loadDemo(pool);
    staff = await session(api, EMAIL.staff);
    const glmp = demo.consortium.glmp;
    org.customer = await insertOrganisation(pool, { code: `${tag}-cust`, kind: 'customer' });
    org.good = await insertOrganisation(pool, { code: `${tag}-good`, kind: 'supplier' });
    org.weak = await insertOrganisation(pool, { code: `${tag}-weak`, kind: 'supplier' });
    for (const id of Object.values(org)) await insertMembership(pool, glmp, id);
    await insertUser(pool, { email: email.buyer, role: 'customer_buyer', consortiumId: glmp, organisationId: org.customer });
    await insertUser(pool, { email: email.goodAdmin, role: 'firm_admin', consortiumId: glmp, organisationId: org.good });
    await insertUser(pool, { email: email.weakAdmin, role: 'firm_admin', consortiumId: glmp, organisationId: org.weak });
    // delivery and quality: what a supplier shares with its customers unless it says otherwise
    metric.otd = await insertMetric(pool, { consortiumId: glmp, code: `OTD-${tag}`, direction: 'higher', frequency: 'monthly', category: 'delivery' });
    metric.ppm = await insertMetric(pool, { consortiumId: glmp, code: `PPM-${tag}`, direction: 'lower', frequency: 'monthly', category: 'quality' });
    period.q1 = await insertPeriod(pool, { consortiumId: glmp, code: `${tag}-2024-Q1`, startsOn: '2024-01-01', endsOn: '2024-03-31', dueOn: '2024-04-30', state: 'closed' });
    period.q2 = await insertPeriod(pool, { consortiumId: glmp, code: `${tag}-2024-Q2`, startsOn: '2024-04-01', endsOn: '2024-06-30', dueOn: '2024-07-31', state: 'closed' });
    for (const key of ['good', 'weak'] as const) {
      const res = await call(api, 'POST', '/api/supply-relationships', {
        token: staff,
        body: { customerId: org.customer, supplierId: org[key], since: '2021-01-01', commodity: 'machined parts', spendBand: '1-5M USD', sourcingMode: 'multi_year' },
      });
      expectStatus(res, 201);
      rel[key] = (res.body as SupplyRelationship).id;
    }
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await pool.end();
  });

  async function recompute(periodId: string): Promise<void> {
    const res = await call(api, 'POST', '/api/scorecards/recompute', { token: staff, body: { periodId } });
    expectStatus(res, 202);
    const { jobId } = res.body as ScorecardRecomputeAccepted;
    const queue = worker.get(JobProducer).queue('follow-up');
    await waitFor(async () => {
      const job = await queue.getJob(jobId);
      const state = await job?.getState();
      if (state === 'failed') throw new Error(`recompute failed: ${job?.failedReason}`);
      return state === 'completed' ? true : undefined;
    }, `job ${jobId}`, 20_000);
  }

  /** Sorted by score, but for a buyer, whose view may withhold it (by computedAt then). */
  async function scorecardsOf(token: string, filter: Record<string, unknown>, sort: [string, 'ASC' | 'DESC'] = ['score', 'DESC']): Promise<Scorecard[]> {
    const res = await call(api, 'GET', `/api/scorecards${q({ filter, sort })}`, { token });
    expectStatus(res, 200);
    return res.body as Scorecard[];
  }

  let template: ScorecardTemplate;

  it("a buyer writes its own customer's template with nested criteria; malformed ones are refused field by field", async () => {
    const buyer = await session(api, email.buyer);
    const bad = expectProblem(
      await call(api, 'POST', '/api/scorecard-templates', {
        token: buyer,
        body: {
          name: 'Broken',
          standings: [{ standing: 'preferred', minScore: 85 }],
          criteria: [
            { metricId: metric.otd, weight: 0, thresholds: [{ atLeast: 90, score: 50 }, { atLeast: 95, score: 80 }] },
            { metricId: metric.ppm, weight: 1, thresholds: [{ atLeast: 10, score: 100 }] },
          ],
        },
      }),
      400,
    );
    expect(errorPaths(bad)).toEqual(expect.arrayContaining(['standings', 'criteria.0.weight', 'criteria.0.thresholds.1.atLeast', 'criteria.1.thresholds.0.atLeast']));
    // a buyer may not write the consortium's template, nor another customer's
    expectProblem(await call(api, 'POST', '/api/scorecard-templates', { token: buyer, body: { name: 'X', customerId: null, standings: STANDINGS, criteria: [{ metricId: metric.otd, weight: 1, thresholds: OTD_THRESHOLDS }] } }), 403);
    expectProblem(
      await call(api, 'POST', '/api/scorecard-templates', { token: buyer, body: { name: 'X', customerId: demo.org.northstar, standings: STANDINGS, criteria: [{ metricId: metric.otd, weight: 1, thresholds: OTD_THRESHOLDS }] } }),
      403,
    );
    const res = await call(api, 'POST', '/api/scorecard-templates', {
      token: buyer,
      body: {
        name: `Scorecard of ${tag}`,
        standings: STANDINGS,
        criteria: [
          { metricId: metric.otd, weight: 2, thresholds: OTD_THRESHOLDS },
          { metricId: metric.ppm, weight: 1, thresholds: PPM_THRESHOLDS },
        ],
      },
    });
    expectStatus(res, 201);
    template = res.body as ScorecardTemplate;
    expect(template.customerId).toBe(org.customer);
    expect(template.standings.map((s) => s.standing)).toEqual(['preferred', 'approved', 'development', 'probation']);
    expect(template.criteria).toHaveLength(2);
    // one active template per customer
    expectProblem(await call(api, 'POST', '/api/scorecard-templates', { token: buyer, body: { name: 'Second', standings: STANDINGS, criteria: [{ metricId: metric.otd, weight: 1, thresholds: OTD_THRESHOLDS }] } }), 409);
    // react-admin PUTs the whole record back
    const put = await call(api, 'PUT', `/api/scorecard-templates/${template.id}`, { token: buyer, body: { ...template, name: `Scorecard of ${tag} (v2)` } });
    expectStatus(put, 200);
    expect((put.body as ScorecardTemplate).criteria.map((c) => c.id).sort()).toEqual(template.criteria.map((c) => c.id).sort());
  });

  it('computes scorecards in the worker: customer reports win, standings follow, a complete closed period is final; a second run changes nothing', async () => {
    const glmp = demo.consortium.glmp;
    const v = (organisationId: string, metricId: string, periodId: string, value: number, extra: { customerId?: string; status?: 'submitted' | 'validated' | 'draft' } = {}) =>
      insertValue(pool, { consortiumId: glmp, organisationId, metricId, periodId, value, ...extra });
    // good: OTD self 99 but the customer reports 96 (80 points), PPM 40 (100) → (2·80 + 100) / 3 = 86.67 preferred
    await v(org.good, metric.otd, period.q1, 99);
    await v(org.good, metric.otd, period.q1, 96, { customerId: org.customer });
    await v(org.good, metric.ppm, period.q1, 40);
    // weak: OTD 91 (50); the customer's 99 is only submitted; PPM 150 (70) → (2·50 + 70) / 3 = 56.67 development
    await v(org.weak, metric.otd, period.q1, 91);
    await v(org.weak, metric.otd, period.q1, 99, { customerId: org.customer, status: 'submitted' });
    await v(org.weak, metric.ppm, period.q1, 150);
    // another customer's report about weak never counts
    await v(org.weak, metric.ppm, period.q1, 5, { customerId: demo.org.northstar });

    await recompute(period.q1);
    const cards = await scorecardsOf(staff, { periodId: period.q1 });
    // a closed period with every criterion covered: final standings
    expect(cards.map((c) => [c.relationshipId, c.score, c.standing, c.coverage, c.provisional])).toEqual([
      [rel.good, 86.67, 'preferred', 1, false],
      [rel.weak, 56.67, 'development', 1, false],
    ]);
    const good = cards[0] as Scorecard;
    expect(good).toMatchObject({ supplierId: org.good, customerId: org.customer, templateId: template.id });
    expect(good.details).toEqual([
      expect.objectContaining({ metricId: metric.otd, weight: 2, value: 96, score: 80, source: 'customer' }),
      expect.objectContaining({ metricId: metric.ppm, weight: 1, value: 40, score: 100, source: 'self' }),
    ]);
    expect((cards[1] as Scorecard).details).toEqual([
      expect.objectContaining({ metricId: metric.otd, value: 91, score: 50, source: 'self' }),
      expect.objectContaining({ metricId: metric.ppm, value: 150, score: 70, source: 'self' }),
    ]);

    const rows = async () => (await pool.query(`SELECT * FROM "Scorecard" WHERE "periodId" = $1 ORDER BY id`, [period.q1])).rows;
    const before = await rows();
    await worker.get(RecomputeScorecardsJob).run({ consortiumId: glmp, periodId: period.q1 });
    await new Promise((r) => setTimeout(r, 1100)); // the next POST is a new job, not the same second's
    await recompute(period.q1);
    expect(await rows()).toEqual(before);
  });

  it('opens one corrective action plan when a final standing falls to development or probation, and emails its firm admins once; an incomplete one opens none', async () => {
    const plans = async (supplierId: string) => (await call(api, 'GET', `/api/corrective-action-plans${q({ filter: { supplierId } })}`, { token: staff })).body as CorrectiveActionPlan[];
    // Q1: weak starts at development with no earlier scorecard → a plan; good is preferred → none
    const weakPlans = await plans(org.weak);
    expect(weakPlans).toEqual([expect.objectContaining({ relationshipId: rel.weak, standing: 'development', status: 'open', customerId: org.customer })]);
    const due = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    expect((weakPlans[0] as CorrectiveActionPlan).dueOn).toBe(due);
    expect(await plans(org.good)).toEqual([]);

    // Q2: good falls from preferred to development (OTD 92 → 50, PPM 150 → 70: 56.67); weak reports OTD only:
    // incomplete at the close, its missing PPM scores 0 — (2·50 + 0) / 3 = 33.33, probation, but provisional: no new plan
    const glmp = demo.consortium.glmp;
    await insertValue(pool, { consortiumId: glmp, organisationId: org.good, metricId: metric.otd, periodId: period.q2, value: 92 });
    await insertValue(pool, { consortiumId: glmp, organisationId: org.good, metricId: metric.ppm, periodId: period.q2, value: 150 });
    await insertValue(pool, { consortiumId: glmp, organisationId: org.weak, metricId: metric.otd, periodId: period.q2, value: 90.5 });
    await recompute(period.q2);
    await recompute(period.q2).catch(() => undefined); // same second: the same job
    await worker.get(RecomputeScorecardsJob).run({ consortiumId: glmp, periodId: period.q2 });
    expect((await scorecardsOf(staff, { periodId: period.q2 })).map((c) => [c.relationshipId, c.score, c.standing, c.coverage, c.provisional])).toEqual([
      [rel.good, 56.67, 'development', 1, false],
      [rel.weak, 33.33, 'probation', 0.6667, true],
    ]);
    expect(await scorecardsOf(staff, { periodId: period.q2, provisional: true })).toEqual([expect.objectContaining({ relationshipId: rel.weak })]);
    expect(await plans(org.good)).toEqual([expect.objectContaining({ relationshipId: rel.good, standing: 'development' })]);
    expect(await plans(org.weak)).toHaveLength(1);

    const { rows: mails } = await pool.query<{ to: string; subject: string }>(`SELECT "to", subject FROM "OutboxMessage" WHERE "to" IN ($1, $2) AND subject LIKE 'Corrective action%'`, [email.goodAdmin, email.weakAdmin]);
    expect(mails.map((m) => m.to).sort()).toEqual([email.goodAdmin, email.weakAdmin].sort());
    const { rows: audit } = await pool.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'corrective-action-plan.opened' AND "organisationId" IN ($1, $2)`, [org.good, org.weak]);
    expect(audit).toEqual([{ n: 2 }]);
  });

  it('keeps the standing history of a relationship, oldest period first', async () => {
    const res = await call(api, 'GET', `/api/supply-relationships/${rel.good}/standing-history`, { token: await session(api, email.goodAdmin) });
    expectStatus(res, 200);
    expect((res.body as StandingHistoryEntry[]).map((h) => [h.periodId, h.score, h.standing])).toEqual([
      [period.q1, 86.67, 'preferred'],
      [period.q2, 56.67, 'development'],
    ]);
    // an incomplete scorecard is no standing: weak's history stops at Q1
    const weak = await call(api, 'GET', `/api/supply-relationships/${rel.weak}/standing-history`, { token: staff });
    expect((weak.body as StandingHistoryEntry[]).map((h) => [h.periodId, h.standing])).toEqual([[period.q1, 'development']]);
    expectProblem(await call(api, 'GET', `/api/supply-relationships/${rel.good}/standing-history`, { token: await session(api, email.weakAdmin) }), 404);
    expectProblem(await call(api, 'GET', `/api/supply-relationships/${rel.good}/standing-history`, { token: await session(api, EMAIL.funder) }), 403);
  });

  it('a buyer sees only its own suppliers; a supplier only its own; other firms get 404; funders, unions and trainers 403', async () => {
    const buyer = await session(api, email.buyer);
    const mine = await scorecardsOf(buyer, {}, ['computedAt', 'DESC']);
    expect(mine.map((c) => c.relationshipId).sort()).toEqual([rel.good, rel.good, rel.weak, rel.weak].sort());
    const goodCard = mine.find((c) => c.relationshipId === rel.good) as Scorecard;
    const weakCard = mine.find((c) => c.relationshipId === rel.weak) as Scorecard;
    const northstar = await session(api, EMAIL.buyer);
    expect(await scorecardsOf(northstar, { supplierId: org.good }, ['computedAt', 'DESC'])).toEqual([]);
    expectProblem(await call(api, 'GET', `/api/scorecards/${goodCard.id}`, { token: northstar }), 404);

    const goodAdmin = await session(api, email.goodAdmin);
    expect((await scorecardsOf(goodAdmin, {})).every((c) => c.supplierId === org.good)).toBe(true);
    expectStatus(await call(api, 'GET', `/api/scorecards/${goodCard.id}`, { token: goodAdmin }), 200);
    expectProblem(await call(api, 'GET', `/api/scorecards/${weakCard.id}`, { token: goodAdmin }), 404);
    expectProblem(await call(api, 'GET', `/api/scorecards/${goodCard.id}`, { token: await session(api, EMAIL.acmeAdmin) }), 404);
    expectProblem(await call(api, 'GET', `/api/scorecards/${goodCard.id}`, { token: await session(api, EMAIL.fvsnStaff) }), 404);
    for (const who of [EMAIL.funder, EMAIL.union, EMAIL.trainer]) {
      const token = await session(api, who);
      expectProblem(await call(api, 'GET', '/api/scorecards', { token }), 403);
      expectProblem(await call(api, 'GET', `/api/scorecards/${goodCard.id}`, { token }), 403);
    }
    expectProblem(await call(api, 'POST', '/api/scorecards/recompute', { token: buyer, body: { periodId: period.q1 } }), 403);
    expectProblem(await call(api, 'GET', `/api/scorecards${q({ filter: { standing: 'excellent' } })}`, { token: staff }), 400);
  });

  it('the supplier, the customer and staff follow the plan: status, owner and tasks', async () => {
    const [plan] = (await call(api, 'GET', `/api/corrective-action-plans${q({ filter: { supplierId: org.weak } })}`, { token: staff })).body as CorrectiveActionPlan[];
    if (!plan) throw new Error('no plan');
    const weakAdmin = await session(api, email.weakAdmin);
    const weakAdminId = (await pool.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email.weakAdmin])).rows[0]?.id;
    const patched = await call(api, 'PATCH', `/api/corrective-action-plans/${plan.id}`, {
      token: weakAdmin,
      body: { status: 'in_progress', ownerUserId: weakAdminId, tasks: [{ title: 'Root-cause analysis of late lines', dueOn: '2026-03-01', owner: 'Quality lead' }] },
    });
    expectStatus(patched, 200);
    expect(patched.body).toMatchObject({ status: 'in_progress', ownerUserId: weakAdminId, tasks: [expect.objectContaining({ title: 'Root-cause analysis of late lines', status: 'todo' })] });
    const buyer = await session(api, email.buyer);
    const added = await call(api, 'POST', `/api/corrective-action-plans/${plan.id}/tasks`, { token: buyer, body: { title: 'Weekly delivery review', dueOn: '2026-02-01' } });
    expectStatus(added, 201);
    const task = added.body as CorrectiveActionTask;
    expectStatus(await call(api, 'PATCH', `/api/corrective-action-plans/${plan.id}/tasks/${task.id}`, { token: staff, body: { status: 'doing' } }), 200);
    const one = (await call(api, 'GET', `/api/corrective-action-plans/${plan.id}`, { token: buyer })).body as CorrectiveActionPlan;
    expect(one.tasks.map((t) => [t.title, t.status])).toEqual([
      ['Weekly delivery review', 'doing'],
      ['Root-cause analysis of late lines', 'todo'],
    ]);
    // PUT of the whole record replaces the task list
    const put = await call(api, 'PUT', `/api/corrective-action-plans/${plan.id}`, { token: buyer, body: { ...one, tasks: one.tasks.filter((t) => t.id === task.id) } });
    expectStatus(put, 200);
    expect((put.body as CorrectiveActionPlan).tasks.map((t) => t.id)).toEqual([task.id]);
    const invalidOwner = expectProblem(await call(api, 'PATCH', `/api/corrective-action-plans/${plan.id}`, { token: staff, body: { ownerUserId: demo.user.fvsnStaff } }), 400);
    expect(errorPaths(invalidOwner)).toEqual(['ownerUserId']);
    expectProblem(await call(api, 'PATCH', `/api/corrective-action-plans/${plan.id}`, { token: await session(api, email.goodAdmin), body: { status: 'completed' } }), 404);
    const { rows } = await pool.query(`SELECT action FROM "AuditEvent" WHERE "entityId" IN ($1, $2) ORDER BY id`, [plan.id, task.id]);
    expect(rows.map((r: { action: string }) => r.action)).toEqual([
      'corrective-action-plan.opened',
      'corrective-action-plan.in_progress',
      'corrective-action-task.created',
      'corrective-action-task.updated',
      'corrective-action-plan.updated',
    ]);
  });

  it("a task is assigned to a user; the assignee — a firm contributor — moves its status, and nothing else", async () => {
    const [plan] = (await call(api, 'GET', `/api/corrective-action-plans${q({ filter: { supplierId: org.weak } })}`, { token: staff })).body as CorrectiveActionPlan[];
    if (!plan) throw new Error('no plan');
    const glmp = demo.consortium.glmp;
    const assigneeEmail = `contrib.weak.${tag}@example.test`;
    const otherEmail = `contrib2.weak.${tag}@example.test`;
    const assigneeId = await insertUser(pool, { email: assigneeEmail, role: 'firm_contributor', consortiumId: glmp, organisationId: org.weak });
    await insertUser(pool, { email: otherEmail, role: 'firm_contributor', consortiumId: glmp, organisationId: org.weak });
    const weakAdmin = await session(api, email.weakAdmin);

    // only users who work on the plan can be assigned: not another firm's, not a stranger
    const foreign = await call(api, 'POST', `/api/corrective-action-plans/${plan.id}/tasks`, { token: weakAdmin, body: { title: 'X', dueOn: '2026-05-01', ownerUserId: demo.user.acmeContributor } });
    expect(errorPaths(expectProblem(foreign, 400))).toEqual(['ownerUserId']);
    const stranger = await call(api, 'PATCH', `/api/corrective-action-plans/${plan.id}`, { token: weakAdmin, body: { tasks: [{ title: 'X', dueOn: '2026-05-01', ownerUserId: demo.user.fvsnStaff }] } });
    expect(errorPaths(expectProblem(stranger, 400))).toEqual(['tasks.0.ownerUserId']);

    const created = await call(api, 'POST', `/api/corrective-action-plans/${plan.id}/tasks`, {
      token: weakAdmin,
      body: { title: 'Daily delivery stand-up with the buyer', owner: 'Shipping lead', ownerUserId: assigneeId, dueOn: '2026-05-01' },
    });
    expectStatus(created, 201);
    const task = created.body as CorrectiveActionTask;
    expect(task).toMatchObject({ owner: 'Shipping lead', ownerUserId: assigneeId, status: 'todo' });

    const assignee = await session(api, assigneeEmail);
    // the assignee's home page finds the plan by its task; a colleague's does not
    const mine = (await call(api, 'GET', `/api/corrective-action-plans${q({ filter: { taskOwnerUserId: assigneeId } })}`, { token: assignee })).body as CorrectiveActionPlan[];
    expect(mine.map((p) => p.id)).toEqual([plan.id]);
    const pastDue = async (day: string) =>
      ((await call(api, 'GET', `/api/corrective-action-plans${q({ filter: { supplierId: org.weak, status: ['open', 'in_progress'], dueBefore: day } })}`, { token: staff })).body as CorrectiveActionPlan[]).map((p) => p.id);
    expect(await pastDue(plan.dueOn)).toEqual([]);
    expect(await pastDue('9999-12-31')).toEqual([plan.id]);
    expectProblem(await call(api, 'GET', `/api/corrective-action-plans${q({ filter: { dueBefore: '2026-02-30' } })}`, { token: staff }), 400);
    // the contributor cannot edit the plan or the task as such
    expectProblem(await call(api, 'PATCH', `/api/corrective-action-plans/${plan.id}/tasks/${task.id}`, { token: assignee, body: { status: 'doing' } }), 403);
    // but moves the status of its own task, and only the status
    const bad = await call(api, 'PATCH', `/api/corrective-action-plans/${plan.id}/tasks/${task.id}/status`, { token: assignee, body: { status: 'doing', title: 'Renamed' } });
    expect(errorPaths(expectProblem(bad, 400))).toEqual(['title']);
    const moved = await call(api, 'PATCH', `/api/corrective-action-plans/${plan.id}/tasks/${task.id}/status`, { token: assignee, body: { status: 'doing' } });
    expectStatus(moved, 200);
    expect(moved.body).toMatchObject({ id: task.id, status: 'doing', title: 'Daily delivery stand-up with the buyer', ownerUserId: assigneeId });
    // a colleague it is not assigned to: 403; another firm's contributor does not see the plan: 404
    expectProblem(await call(api, 'PATCH', `/api/corrective-action-plans/${plan.id}/tasks/${task.id}/status`, { token: await session(api, otherEmail), body: { status: 'done' } }), 403);
    expectProblem(await call(api, 'PATCH', `/api/corrective-action-plans/${plan.id}/tasks/${task.id}/status`, { token: await session(api, EMAIL.acmeContributor), body: { status: 'done' } }), 404);
    // plan writers may move any task's status
    expectStatus(await call(api, 'PATCH', `/api/corrective-action-plans/${plan.id}/tasks/${task.id}/status`, { token: await session(api, email.buyer), body: { status: 'done' } }), 200);

    const { rows } = await pool.query<{ action: string; actorUserId: string | null; after: { status: string; byAssignee: boolean } }>(
      `SELECT action, "actorUserId", after FROM "AuditEvent" WHERE "entityId" = $1 AND action = 'corrective-action-task.status_changed' ORDER BY id`,
      [task.id],
    );
    expect(rows.map((r) => [r.after.status, r.after.byAssignee, r.actorUserId === assigneeId])).toEqual([
      ['doing', true, true],
      ['done', false, false],
    ]);
  });

  // last: it adds a supplier to the customer's supply base
  it('opens no plan on a standing the customer may not read: the plan would tell it', async () => {
    const glmp = demo.consortium.glmp;
    const hidden = await insertOrganisation(pool, { code: `${tag}-hidden`, kind: 'supplier' });
    await insertMembership(pool, glmp, hidden);
    // OTD 91 (50), PPM 150 (70): 56.67, development, a first final standing — which would open a plan
    await insertValue(pool, { consortiumId: glmp, organisationId: hidden, metricId: metric.otd, periodId: period.q1, value: 91 });
    await insertValue(pool, { consortiumId: glmp, organisationId: hidden, metricId: metric.ppm, periodId: period.q1, value: 150 });
    // the supplier shares delivery only: its own PPM is not the customer's to read
    await pool.query(`INSERT INTO "SharingSetting" (id, "consortiumId", "supplierId", "customerId", categories, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, '{delivery}', now())`, [glmp, hidden, org.customer]);
    const res = await call(api, 'POST', '/api/supply-relationships', {
      token: staff,
      body: { customerId: org.customer, supplierId: hidden, since: '2021-01-01', commodity: 'castings', spendBand: '1-5M USD', sourcingMode: 'multi_year' },
    });
    expectStatus(res, 201);
    const relationshipId = (res.body as SupplyRelationship).id;
    // the job itself, not through the queue: what is tested is the plan it opens or not
    await worker.get(RecomputeScorecardsJob).run({ consortiumId: glmp, periodId: period.q1 });
    const [card] = await scorecardsOf(staff, { periodId: period.q1, supplierId: hidden });
    expect(card).toMatchObject({ relationshipId, standing: 'development', provisional: false });
    const [seen] = await scorecardsOf(await session(api, email.buyer), { periodId: period.q1, supplierId: hidden }, ['computedAt', 'DESC']);
    expect(seen).toMatchObject({ standing: null, withheld: expect.stringContaining('quality') });
    const plans = await call(api, 'GET', `/api/corrective-action-plans${q({ filter: { supplierId: hidden } })}`, { token: staff });
    expect(plans.body).toEqual([]);
  });
});
