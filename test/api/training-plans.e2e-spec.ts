import type { Pool } from 'pg';
import type { Organisation, TrainingPlan, TrainingPlanEvent, UnionRepresentation } from '@tandem/contracts';
import { applyApprovedPlanTargets } from '@tandem/server';
import { call, q, startApi, type TestApi } from './support/api';
import { EMAIL, createApiKey, dbPool, errorPaths, expectProblem, expectStatus, invite, loadDemo, sendInvitation, session, uniq, type Demo } from './support/fixtures';
import { memberOrg, oneId, representation } from './support/training-plans';
import { SideEffectWatch } from './support/side-effects';

jest.setTimeout(120_000);

/**
 * Training plans with co-governance, through the API: the union representative belongs to its
 * union and reads the firms it represents by name only; a unionised firm's plan needs both
 * sides, either returns it with a comment, every step is history and tells the other side
 * (outbox); an approved plan sets the firm's training commitment targets.
 */
describe('training plans', () => {
  let api: TestApi;
  let pool: Pool;
  let demo: Demo;
  let watch: SideEffectWatch;
  const t: Record<string, string> = {};
  // set in beforeAll: the first of 20 years without workforce figures or plans of the demo firms
  let year = 0;
  const nextYear = () => (year += 1);
  const BODY = { skillAreas: ['setup reduction', 'maintenance'], frontlineWorkers: 80, hours: 2000, budget: 45000, providers: ['Lakeshore Technical College'] };

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    watch = new SideEffectWatch(pool);
    demo = await loadDemo(pool);
    // a random start met another file's workforce year of Acme in CI's shared database; only the
    // demo firms' years count (any firm's, the random blocks of other files once left none free)
    const free = await pool.query<{ y: number }>(
      `SELECT y FROM generate_series(2030, 2100 - 20) y
        WHERE NOT EXISTS (SELECT 1 FROM "WorkforceYear" w WHERE w.year BETWEEN y AND y + 19 AND w."organisationId" = ANY ($1::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM "TrainingPlan" p WHERE p.year BETWEEN y AND y + 19 AND p."organisationId" = ANY ($1::uuid[]))
        ORDER BY random() LIMIT 1`,
      [[demo.org.acme, demo.org.badger]],
    );
    if (!free.rows[0]) throw new Error('no 20 years free of workforce figures and demo plans');
    year = free.rows[0].y - 1;
    for (const [k, email] of Object.entries({ staff: EMAIL.staff, admin: EMAIL.acmeAdmin, contributor: EMAIL.acmeContributor, badger: EMAIL.badgerAdmin, union: EMAIL.union, platform: EMAIL.platform })) {
      t[k] = await session(api, email);
    }
  }, 60_000);

  afterAll(async () => {
    await watch?.close();
    await pool?.end();
    await api?.close();
  });

  const post = (token: string, path: string, body?: unknown) => call(api, 'POST', path, { token, body: body ?? {} });
  const get = (token: string, path: string) => call(api, 'GET', path, { token });
  async function create(token: string, body: Record<string, unknown> = {}): Promise<TrainingPlan> {
    const res = await post(token, '/api/training-plans', { year: nextYear(), ...BODY, ...body });
    expectStatus(res, 201);
    return res.body as TrainingPlan;
  }
  async function act(token: string, id: string, action: string, body?: unknown): Promise<TrainingPlan> {
    const res = await post(token, `/api/training-plans/${id}/${action}`, body);
    expectStatus(res, 200);
    return res.body as TrainingPlan;
  }
  const outboxTo = async (email: string, planYear: number): Promise<{ subject: string; text: string }[]> =>
    (await pool.query<{ subject: string; text: string }>(`SELECT subject, text FROM "OutboxMessage" WHERE "to" LIKE '%' || $1 || '%' AND subject LIKE '%' || $2 || '%' ORDER BY "createdAt", id`, [email, String(planYear)])).rows;

  describe('the union representative belongs to its union', () => {
    it('acts for USW Local 1343 and reads the firms it represents by name, never their figures', async () => {
      const me = await get(t['union']!, '/api/auth/me');
      expect((me.body as { organisationId: string }).organisationId).toBe(demo.org.usw);
      const res = await get(t['union']!, `/api/organisations${q({ range: [0, 99] })}`);
      expectStatus(res, 200);
      const orgs = res.body as Organisation[];
      const byId = new Map(orgs.map((o) => [o.id, o]));
      expect(byId.get(demo.org.usw)?.kind).toBe('union');
      expect(byId.get(demo.org.acme)).toMatchObject({ name: 'Acme Castings', employeeCount: null, frontlineEmployeeCount: null, annualPayroll: null });
      expect(byId.has(demo.org.badger)).toBe(false);
      expect(orgs.map((o) => o.name)).toEqual(expect.arrayContaining(['Acme Castings', 'Cream City Steel Foundry', 'Menomonee Gray Iron', 'United Steelworkers Local 1343']));
      expect(orgs.filter((o) => o.id !== demo.org.usw).every((o) => o.employeeCount === null && o.annualPayroll === null && o.frontlineEmployeeCount === null)).toBe(true);
      expect(byId.get(demo.org.usw)?.employeeCount).not.toBeNull();
      // ordering the firms by a figure it does not see would tell it anyway
      const sorted = await get(t['union']!, `/api/organisations${q({ sort: ['employeeCount', 'ASC'] })}`);
      expect(errorPaths(expectProblem(sorted, 400))).toEqual(['sort']);
      // and no metric value at all
      expectProblem(await get(t['union']!, '/api/metric-values'), 403);
    });

    it('is offered only at a union organisation', async () => {
      const refused = await post(t['staff']!, '/api/invitations', { email: `${uniq('rep')}@example.test`, name: 'Rep', role: 'union_representative', organisationId: demo.org.acme });
      expect(errorPaths(expectProblem(refused, 400))).toEqual(['role']);
      await sendInvitation(api, t['staff']!, { role: 'union_representative', organisationId: demo.org.usw });
    });

    it('staff record and end representations; a union reads a firm only while it represents it', async () => {
      const firm = await memberOrg(pool, demo.consortium.glmp, 'supplier', { unionised: true });
      const otherUnion = await memberOrg(pool, demo.consortium.glmp, 'union');
      // a firm is not a union, and a union is not a firm
      const wrongKinds = await post(t['staff']!, '/api/union-representations', { unionOrganisationId: firm, firmOrganisationId: otherUnion });
      expect(errorPaths(expectProblem(wrongKinds, 400)).sort()).toEqual(['firmOrganisationId', 'unionOrganisationId']);
      const rep = (await post(t['staff']!, '/api/union-representations', { unionOrganisationId: demo.org.usw, firmOrganisationId: firm })).body as UnionRepresentation;
      expect(rep).toMatchObject({ unionOrganisationId: demo.org.usw, unionName: 'United Steelworkers Local 1343', firmOrganisationId: firm });
      expectProblem(await post(t['staff']!, '/api/union-representations', { unionOrganisationId: demo.org.usw, firmOrganisationId: firm }), 409);
      const planId = await oneId(pool, `INSERT INTO "TrainingPlan" (id, "consortiumId", "organisationId", year, "frontlineWorkers", hours, budget, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 2031, 5, 50, 500, now()) RETURNING id`, [demo.consortium.glmp, firm]);
      expectStatus(await get(t['union']!, `/api/training-plans/${planId}`), 200);
      expectStatus(await get(t['union']!, `/api/organisations/${firm}`), 200);
      expectStatus(await call(api, 'DELETE', `/api/union-representations/${rep.id}`, { token: t['staff'] }), 200);
      expectProblem(await get(t['union']!, `/api/training-plans/${planId}`), 404);
      expectProblem(await get(t['union']!, `/api/organisations/${firm}`), 404);
    });
  });

  describe('co-governance of a unionised firm', () => {
    it('submit → returned by the union with a comment → edited and resubmitted → approved by both, with full history and notices', async () => {
      const plan = await create(t['contributor']!);
      expect(plan).toMatchObject({ organisationId: demo.org.acme, organisationName: 'Acme Castings', status: 'draft', coGoverned: false, actions: ['edit'] });
      // the contributor drafts; only the firm admin submits
      expectProblem(await post(t['contributor']!, `/api/training-plans/${plan.id}/submit`), 403);
      const submitted = await act(t['admin']!, plan.id, 'submit');
      expect(submitted).toMatchObject({ status: 'submitted', coGoverned: true, awaiting: ['firm', 'union'], actions: ['approve', 'return'] });
      expect(await outboxTo(EMAIL.union, plan.year)).toEqual([expect.objectContaining({ subject: `Training plan ${plan.year} of Acme Castings awaits your approval` })]);

      // the union reads it and may decide; it cannot edit
      const seen = (await get(t['union']!, `/api/training-plans/${plan.id}`)).body as TrainingPlan;
      expect(seen.actions).toEqual(['approve', 'return']);
      expectProblem(await call(api, 'PATCH', `/api/training-plans/${plan.id}`, { token: t['union'], body: { hours: 1 } }), 403);
      // a submitted plan is not edited
      expectProblem(await call(api, 'PATCH', `/api/training-plans/${plan.id}`, { token: t['admin'], body: { hours: 1 } }), 409);
      // staff decide nothing on either side's behalf
      expectProblem(await post(t['staff']!, `/api/training-plans/${plan.id}/approve`), 403);
      expectProblem(await post(t['platform']!, `/api/training-plans/${plan.id}/return`, { comment: 'no' }), 403);

      const comment = 'Nothing for the second shift: add maintenance for the night crew.';
      const returned = await act(t['union']!, plan.id, 'return', { comment });
      expect(returned).toMatchObject({ status: 'returned', awaiting: [], firmApprovedAt: null, unionApprovedAt: null });
      const toFirm = await outboxTo(EMAIL.acmeAdmin, plan.year);
      expect(toFirm).toEqual([expect.objectContaining({ subject: `Training plan ${plan.year} of Acme Castings returned` })]);
      expect(toFirm[0]?.text).toContain(comment);

      const edited = (await call(api, 'PATCH', `/api/training-plans/${plan.id}`, { token: t['admin'], body: { skillAreas: ['setup reduction', 'maintenance', 'night-shift maintenance'], hours: 2400 } })).body as TrainingPlan;
      expect(edited).toMatchObject({ status: 'returned', hours: 2400 });
      await act(t['admin']!, plan.id, 'submit');
      const firmApproved = await act(t['admin']!, plan.id, 'approve');
      expect(firmApproved).toMatchObject({ status: 'submitted', awaiting: ['union'], actions: ['return'] });
      // a side approves once
      expect(errorPaths(expectProblem(await post(t['admin']!, `/api/training-plans/${plan.id}/approve`), 409))).toEqual(['status']);
      const approved = await act(t['union']!, plan.id, 'approve', { comment: 'Agreed at the joint committee.' });
      expect(approved).toMatchObject({ status: 'approved', awaiting: [], actions: [] });
      expect(approved.approvedAt).not.toBeNull();
      // a plan approved twice is refused, and nothing is written
      await watch.expectNone(
        () => post(t['union']!, `/api/training-plans/${plan.id}/approve`),
        (res) => expectProblem(res, 409),
      );
      expectProblem(await call(api, 'PATCH', `/api/training-plans/${plan.id}`, { token: t['admin'], body: { hours: 1 } }), 409);

      const history = (await get(t['union']!, `/api/training-plans/${plan.id}/events`)).body as TrainingPlanEvent[];
      expect(history.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorRole])).toEqual([
        ['created', null, 'draft', 'firm_contributor'],
        ['submitted', 'draft', 'submitted', 'firm_admin'],
        ['returned', 'submitted', 'returned', 'union_representative'],
        ['edited', 'returned', 'returned', 'firm_admin'],
        ['submitted', 'returned', 'submitted', 'firm_admin'],
        ['approved', 'submitted', 'submitted', 'firm_admin'],
        ['approved', 'submitted', 'approved', 'union_representative'],
      ]);
      expect(history[2]).toMatchObject({ comment, actorName: 'Luis Ortega' });
      expect(history[1]).toMatchObject({ actorName: 'Daniel Schultz' });
      // the union was told twice (two submissions); the firm admin's own approval told the union nothing new
      expect((await outboxTo(EMAIL.union, plan.year)).length).toBe(2);
    });

    it('lists plans awaiting the union for the union representative and only the firms it represents', async () => {
      const res = await get(t['union']!, `/api/training-plans${q({ filter: { awaiting: 'union' }, range: [0, 499] })}`);
      expectStatus(res, 200);
      const plans = res.body as TrainingPlan[];
      expect(plans.length).toBeGreaterThan(0);
      expect(plans.every((p) => p.status === 'submitted' && p.awaiting.includes('union'))).toBe(true);
      const all = (await get(t['union']!, `/api/training-plans${q({ range: [0, 499] })}`)).body as TrainingPlan[];
      expect([...new Set(all.map((p) => p.organisationName))].sort()).toEqual(expect.arrayContaining(['Acme Castings']));
      expect(all.some((p) => p.organisationId === demo.org.badger)).toBe(false);
    });
  });

  describe('a firm that is not unionised', () => {
    it('is approved by the firm admin alone; the union has no say and does not see it', async () => {
      const plan = await create(t['badger']!);
      const submitted = await act(t['badger']!, plan.id, 'submit');
      expect(submitted).toMatchObject({ coGoverned: false, awaiting: ['firm'] });
      expectProblem(await post(t['union']!, `/api/training-plans/${plan.id}/approve`), 404);
      const approved = await act(t['badger']!, plan.id, 'approve');
      expect(approved.status).toBe('approved');
    });
  });

  describe('approved plans set the training commitment targets', () => {
    async function commitments(organisationId: string, planYear: number): Promise<{ hours: string; spend: string }> {
      const charter = await oneId(pool, `INSERT INTO "Charter" (id, "consortiumId", version, title, state, "updatedAt") VALUES (gen_random_uuid(), $1, 100 + floor(random() * 100000)::int, 'TP charter', 'published', now()) RETURNING id`, [demo.consortium.glmp]);
      const ids: Record<string, string> = {};
      for (const [kind, target] of [['training_hours_per_frontline_worker', 24], ['training_spend_pct_of_payroll', 1.5]] as const) {
        const template = await oneId(pool, `INSERT INTO "CommitmentTemplate" (id, "charterId", kind, side, target, description, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'supplier', $3, 'tp', now()) RETURNING id`, [charter, kind, target]);
        ids[kind] = await oneId(
          pool,
          `INSERT INTO "Commitment" (id, "consortiumId", "organisationId", "templateId", kind, year, "startsOn", "endsOn", target, "updatedAt")
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, make_date($5, 7, 1), make_date($5 + 1, 6, 30), $6, now()) RETURNING id`,
          [demo.consortium.glmp, organisationId, template, kind, planYear, target],
        );
      }
      return { hours: ids['training_hours_per_frontline_worker']!, spend: ids['training_spend_pct_of_payroll']! };
    }
    const targetOf = async (id: string): Promise<number> => Number((await pool.query<{ target: string }>(`SELECT target FROM "Commitment" WHERE id = $1`, [id])).rows[0]?.target);

    it('on final approval: hours per frontline worker, and spend as % of the year payroll', async () => {
      const plan = await create(t['admin']!);
      const c = await commitments(demo.org.acme, plan.year);
      await pool.query(`INSERT INTO "WorkforceYear" (id, "consortiumId", "organisationId", year, "frontlineHeadcount", payroll, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, 80, 3000000, now())`, [demo.consortium.glmp, demo.org.acme, plan.year]);
      await act(t['admin']!, plan.id, 'submit');
      await act(t['union']!, plan.id, 'approve');
      // not yet: the firm has not approved
      expect(await targetOf(c.hours)).toBe(24);
      await act(t['admin']!, plan.id, 'approve');
      expect(await targetOf(c.hours)).toBe(25); // 2000 h ÷ 80 workers
      expect(await targetOf(c.spend)).toBe(1.5); // 45 000 ÷ 3 000 000
      const audit = await pool.query(`SELECT action FROM "AuditEvent" WHERE "entityId" = $1`, [c.hours]);
      expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['commitment.target_set_by_plan']);
    });

    it('without a payroll for the year only the hours target moves; commitments made after approval get the plan targets too', async () => {
      const plan = await create(t['badger']!, { hours: 1000, frontlineWorkers: 40 });
      await act(t['badger']!, plan.id, 'submit');
      await act(t['badger']!, plan.id, 'approve');
      // generation after approval: the generator applies the approved plan (the plan wins over the template's target)
      const c = await commitments(demo.org.badger, plan.year);
      const { PrismaService } = await import('../../libs/server/src/database/prisma.service');
      const prisma = api.app.get(PrismaService, { strict: false });
      const changes = await applyApprovedPlanTargets(prisma.system, { consortiumId: demo.consortium.glmp, organisationId: demo.org.badger, year: plan.year });
      expect(changes).toEqual([{ commitmentId: c.hours, kind: 'training_hours_per_frontline_worker', before: 24, target: 25 }]);
      expect(await targetOf(c.spend)).toBe(1.5);
      // applying again changes nothing
      expect(await applyApprovedPlanTargets(prisma.system, { consortiumId: demo.consortium.glmp, organisationId: demo.org.badger, year: plan.year })).toEqual([]);
    });
  });

  describe('one plan per firm per year', () => {
    it('a second plan of the same year is a 409 naming the year, and writes nothing', async () => {
      const plan = await create(t['admin']!);
      await watch.expectNone(
        () => post(t['contributor']!, '/api/training-plans', { year: plan.year, ...BODY }),
        (res) => expect(errorPaths(expectProblem(res, 409))).toEqual(['year']),
      );
      // another firm may have a plan of that year
      await create(t['badger']!, { year: plan.year });
    });

    it('an API key of the firm drafts like a contributor', async () => {
      const key = (await createApiKey(api, t['admin']!, { name: uniq('tp') })).key;
      const plan = await create(key);
      expect(plan.actions).toEqual(['edit']);
      expectProblem(await post(key, `/api/training-plans/${plan.id}/submit`), 403);
    });
  });

  it('a union representative invited to its union acts on the plans of the firms it represents', async () => {
    const rep = await invite(api, t['staff']!, { role: 'union_representative', organisationId: demo.org.usw });
    const plan = await create(t['admin']!);
    await act(t['admin']!, plan.id, 'submit');
    const token = rep.pair.accessToken;
    const approved = await act(token, plan.id, 'approve');
    expect(approved.awaiting).toEqual(['firm']);
    // another union's representative does not reach Acme's plan
    const otherUnion = await memberOrg(pool, demo.consortium.glmp, 'union');
    await representation(pool, demo.consortium.glmp, otherUnion, demo.org.badger);
    const stranger = await invite(api, t['staff']!, { role: 'union_representative', organisationId: otherUnion });
    expectProblem(await get(stranger.pair.accessToken, `/api/training-plans/${plan.id}`), 404);
    expectProblem(await post(stranger.pair.accessToken, `/api/training-plans/${plan.id}/return`, { comment: 'not mine' }), 404);
  });
});
