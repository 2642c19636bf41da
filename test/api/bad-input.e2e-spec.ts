import type { Pool } from 'pg';
import { MAX_PAGE_SIZE } from '@tandem/contracts';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { call, q, startApi, type TestApi } from './support/api';
import {
  EMAIL,
  createApiKey,
  createMember,
  createOrganisation,
  dbPool,
  errorPaths,
  expectProblem,
  invitationTokenFor,
  invite,
  loadDemo,
  loginPair,
  sendInvitation,
  session,
  uniq,
  type Demo,
  type ProblemBody,
} from './support/fixtures';
import { SideEffectWatch } from './support/side-effects';

/**
 * Every write route refuses bad input at the edge, as problem+json naming the field, and a
 * refused request writes nothing: no row in any table, no job in any queue.
 */

type Body = Record<string, unknown>;

interface WriteCase {
  route: string;
  path: () => string;
  token: () => string | undefined;
  /** a body the route accepts; each call returns a fresh one (unique codes and emails) */
  valid?: () => Promise<Body>;
  /** a field the route requires (PUT replaces the record: it needs what a create needs) */
  missing?: string;
  /** a field and a value of the wrong type */
  wrongType?: [string, unknown];
  /** status of the control request (the valid body as is) */
  ok: number;
}

const BIG = 'x'.repeat(110 * 1024); // over BODY_LIMIT (100kb)

describe('bad input', () => {
  let api: TestApi;
  let pool: Pool;
  let watch: SideEffectWatch;
  let demo: Demo;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  const state = { refreshToken: '', logoutToken: '', inviteToken: '', previewToken: '', declineToken: '', selfToken: '' };

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    watch = new SideEffectWatch(pool);
    demo = await loadDemo(pool);
    t['platform'] = await session(api, EMAIL.platform);
    t['staff'] = await session(api, EMAIL.staff);
    t['fvsnStaff'] = await session(api, EMAIL.fvsnStaff);

    id['orgToEdit'] = (await createOrganisation(api, t['staff'])).id;
    id['orgToDelete'] = (await createOrganisation(api, t['staff'])).id;
    id['orgToAdmit'] = (await createOrganisation(api, t['staff'])).id;
    id['membership'] = (await createMember(api, t['staff'])).membership.id;
    id['applicant'] = (await createMember(api, t['staff'])).membership.id;
    const colleague = await invite(api, t['staff'], { role: 'firm_contributor', organisationId: demo.org.acme });
    id['colleague'] = colleague.id;
    id['colleagueRole'] = colleague.roleAssignmentId;
    const leaver = await invite(api, t['staff'], { role: 'firm_contributor', organisationId: demo.org.acme });
    id['roleAssignmentToDelete'] = (await pool.query<{ id: string }>(`SELECT id FROM "RoleAssignment" WHERE "userId" = $1`, [leaver.id])).rows[0]?.id ?? '';
    id['apiKeyToRevoke'] = (await createApiKey(api, t['staff'], { organisationId: demo.org.acme })).id;

    state.inviteToken = await invitationTokenFor((await sendInvitation(api, t['staff'], { role: 'firm_contributor', organisationId: demo.org.acme })).email);
    state.previewToken = await invitationTokenFor((await sendInvitation(api, t['staff'], { role: 'firm_contributor', organisationId: demo.org.acme })).email);
    state.declineToken = await invitationTokenFor((await sendInvitation(api, t['staff'], { role: 'firm_contributor', organisationId: demo.org.acme })).email);
    id['invitationToRevoke'] = (await sendInvitation(api, t['staff'], { role: 'firm_contributor', organisationId: demo.org.acme })).id;
    const self = await invite(api, t['staff'], { role: 'firm_contributor', organisationId: demo.org.acme });
    state.selfToken = self.pair.accessToken;
    state.refreshToken = (await loginPair(api, EMAIL.acmeContributor)).refreshToken;
    state.logoutToken = (await loginPair(api, EMAIL.acmeContributor)).accessToken;

    // a closed period to reopen, and a corrective action plan's task to move
    id['closedPeriod'] = (
      await pool.query<{ id: string }>(
        `INSERT INTO "Period" (id, "consortiumId", code, kind, "startsOn", "endsOn", "dueOn", state, "closedAt", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, 'quarter', DATE '2001-01-01', DATE '2001-03-31', DATE '2001-04-30', 'closed', now(), now()) RETURNING id`,
        [demo.consortium.glmp, uniq('bi-closed')],
      )
    ).rows[0]?.id ?? '';
    id['plan'] = (
      await pool.query<{ id: string }>(
        `INSERT INTO "CorrectiveActionPlan" (id, "consortiumId", "relationshipId", "supplierId", "customerId", standing, title, "dueOn", "updatedAt")
         SELECT gen_random_uuid(), r."consortiumId", r.id, r."supplierId", r."customerId", 'development', 'Bad input plan', DATE '2026-06-30', now()
           FROM "SupplyRelationship" r WHERE r."consortiumId" = $1 ORDER BY r.id LIMIT 1 RETURNING id`,
        [demo.consortium.glmp],
      )
    ).rows[0]?.id ?? '';
    id['task'] = (
      await pool.query<{ id: string }>(`INSERT INTO "CorrectiveActionTask" (id, "planId", title, "dueOn", "updatedAt") VALUES (gen_random_uuid(), $1, 'Bad input task', DATE '2026-06-30', now()) RETURNING id`, [id['plan']])
    ).rows[0]?.id ?? '';

    // fvsn records glmp staff must not see
    id['fvsnApiKey'] = (await createApiKey(api, t['fvsnStaff'], { organisationId: demo.org.fox })).id;
    const fvsnInvitee = await invite(api, t['fvsnStaff'], { role: 'firm_contributor', organisationId: demo.org.fox });
    id['fvsnOutbox'] = (await pool.query<{ id: string }>(`SELECT id FROM "OutboxMessage" WHERE "to" = $1`, [fvsnInvitee.email])).rows[0]?.id ?? '';
    id['fvsnAudit'] = (await pool.query<{ id: string }>(`SELECT id::text AS id FROM "AuditEvent" WHERE "entityId" = $1`, [id['fvsnApiKey']])).rows[0]?.id ?? '';
  }, 60_000);

  afterAll(async () => {
    await watch?.close();
    await pool?.end();
    await api?.close();
  });

  const row = async (table: string, rowId: string): Promise<Body> => (await pool.query<Body>(`SELECT * FROM "${table}" WHERE id = $1`, [rowId])).rows[0] ?? {};

  const CASES: WriteCase[] = [
    {
      route: 'POST /api/consortia',
      path: () => '/api/consortia',
      token: () => t['platform'],
      valid: async () => {
        const slug = uniq('bi');
        return { name: `Bad Input ${slug}`, slug, region: 'Testland' };
      },
      missing: 'slug',
      wrongType: ['fiscalYearStartMonth', 'seven'],
      ok: 201,
    },
    {
      route: 'PUT /api/consortia/:id',
      path: () => `/api/consortia/${demo.consortium.glmp}`,
      token: () => t['staff'],
      valid: async () => {
        const c = await row('Consortium', demo.consortium.glmp);
        return { name: c['name'], slug: c['slug'], region: c['region'], fiscalYearStartMonth: c['fiscalYearStartMonth'], disclosureThreshold: c['disclosureThreshold'], reportingCalendar: c['reportingCalendar'] };
      },
      missing: 'name',
      wrongType: ['name', 42],
      ok: 200,
    },
    {
      route: 'PATCH /api/consortia/:id',
      path: () => `/api/consortia/${demo.consortium.glmp}`,
      token: () => t['staff'],
      valid: async () => ({ region: (await row('Consortium', demo.consortium.glmp))['region'] }),
      wrongType: ['disclosureThreshold', 'five'],
      ok: 200,
    },
    {
      route: 'POST /api/organisations',
      path: () => '/api/organisations',
      token: () => t['staff'],
      valid: async () => {
        const code = uniq('bi');
        return { code, name: `Bad Input ${code}`, kind: 'supplier' };
      },
      missing: 'kind',
      wrongType: ['employeeCount', 'many'],
      ok: 201,
    },
    {
      route: 'PUT /api/organisations/:id',
      path: () => `/api/organisations/${id['orgToEdit']}`,
      token: () => t['staff'],
      valid: async () => {
        const o = await row('Organisation', id['orgToEdit'] ?? '');
        return { code: o['code'], name: o['name'], kind: o['kind'], unionised: o['unionised'] };
      },
      missing: 'name',
      wrongType: ['unionised', 'yes'],
      ok: 200,
    },
    {
      route: 'PATCH /api/organisations/:id',
      path: () => `/api/organisations/${id['orgToEdit']}`,
      token: () => t['staff'],
      valid: async () => ({ county: 'Milwaukee' }),
      wrongType: ['annualPayroll', 'lots'],
      ok: 200,
    },
    { route: 'DELETE /api/organisations/:id', path: () => `/api/organisations/${id['orgToDelete']}`, token: () => t['staff'], ok: 200 },
    {
      route: 'POST /api/memberships',
      path: () => '/api/memberships',
      token: () => t['staff'],
      valid: async () => ({ organisationId: id['orgToAdmit'], tier: 'supplier' }),
      missing: 'tier',
      wrongType: ['organisationId', 12],
      ok: 201,
    },
    {
      route: 'PUT /api/memberships/:id',
      path: () => `/api/memberships/${id['membership']}`,
      token: () => t['staff'],
      valid: async () => ({ tier: 'supplier', annualDues: 2500 }),
      missing: 'tier',
      wrongType: ['annualDues', 'free'],
      ok: 200,
    },
    {
      route: 'PATCH /api/memberships/:id',
      path: () => `/api/memberships/${id['membership']}`,
      token: () => t['staff'],
      valid: async () => ({ annualDues: 2500 }),
      wrongType: ['annualDues', 'five'],
      ok: 200,
    },
    {
      route: 'POST /api/memberships/:id/transition',
      path: () => `/api/memberships/${id['applicant']}/transition`,
      token: () => t['staff'],
      valid: async () => ({ toStatus: 'active', reason: 'Charter signed and dues paid' }),
      missing: 'reason',
      wrongType: ['toStatus', 3],
      ok: 200,
    },
    {
      route: 'POST /api/invitations',
      path: () => '/api/invitations',
      token: () => t['staff'],
      valid: async () => ({ email: `${uniq('bi')}@example.test`, name: 'Bad Input Invitee', role: 'firm_contributor', organisationId: demo.org.acme }),
      missing: 'email',
      wrongType: ['name', 5],
      ok: 201,
    },
    { route: 'DELETE /api/invitations/:id', path: () => `/api/invitations/${id['invitationToRevoke']}`, token: () => t['staff'], ok: 200 },
    {
      route: 'PUT /api/users/:id',
      path: () => `/api/users/${id['colleague']}`,
      token: () => t['platform'],
      valid: async () => ({ name: (await row('User', id['colleague'] ?? ''))['name'] }),
      missing: 'name',
      wrongType: ['status', 1],
      ok: 200,
    },
    {
      route: 'PATCH /api/users/:id',
      path: () => `/api/users/${id['colleague']}`,
      token: () => t['platform'],
      valid: async () => ({ name: (await row('User', id['colleague'] ?? ''))['name'] }),
      wrongType: ['name', ['a', 'list']],
      ok: 200,
    },
    {
      route: 'PATCH /api/role-assignments/:id',
      path: () => `/api/role-assignments/${id['colleagueRole']}`,
      token: () => t['staff'],
      valid: async () => ({ status: 'active' }),
      missing: 'status',
      wrongType: ['status', 5],
      ok: 200,
    },
    { route: 'DELETE /api/role-assignments/:id', path: () => `/api/role-assignments/${id['roleAssignmentToDelete']}`, token: () => t['staff'], ok: 200 },
    {
      route: 'POST /api/api-keys',
      path: () => '/api/api-keys',
      token: () => t['staff'],
      valid: async () => ({ name: uniq('bi'), organisationId: demo.org.acme }),
      missing: 'name',
      wrongType: ['expiresAt', 5],
      ok: 201,
    },
    { route: 'DELETE /api/api-keys/:id', path: () => `/api/api-keys/${id['apiKeyToRevoke']}`, token: () => t['staff'], ok: 200 },
    {
      route: 'POST /api/auth/login',
      path: () => '/api/auth/login',
      token: () => undefined,
      valid: async () => ({ email: EMAIL.acmeContributor, password: DEMO_PASSWORD }),
      missing: 'password',
      wrongType: ['email', 5],
      ok: 200,
    },
    {
      route: 'POST /api/auth/refresh',
      path: () => '/api/auth/refresh',
      token: () => undefined,
      valid: async () => ({ refreshToken: state.refreshToken }),
      missing: 'refreshToken',
      wrongType: ['refreshToken', 12345678901],
      ok: 200,
    },
    {
      route: 'POST /api/auth/logout',
      path: () => '/api/auth/logout',
      token: () => state.logoutToken,
      valid: async () => ({}),
      wrongType: ['refreshToken', 5],
      ok: 204,
    },
    {
      route: 'POST /api/auth/accept-invite',
      path: () => '/api/auth/accept-invite',
      token: () => undefined,
      valid: async () => ({ token: state.inviteToken, password: 'a-long-enough-password' }),
      missing: 'password',
      wrongType: ['token', 5],
      ok: 200,
    },
    {
      route: 'POST /api/auth/invitation-preview',
      path: () => '/api/auth/invitation-preview',
      token: () => undefined,
      valid: async () => ({ token: state.previewToken }),
      missing: 'token',
      wrongType: ['token', 5],
      ok: 200,
    },
    {
      route: 'POST /api/auth/decline-invite',
      path: () => '/api/auth/decline-invite',
      token: () => undefined,
      valid: async () => ({ token: state.declineToken }),
      missing: 'token',
      wrongType: ['token', 5],
      ok: 204,
    },
    {
      route: 'PATCH /api/profile',
      path: () => '/api/profile',
      token: () => state.selfToken,
      valid: async () => ({ name: 'Bad Input Self' }),
      missing: 'name',
      wrongType: ['name', 7],
      ok: 200,
    },
    {
      route: 'POST /api/profile/password',
      path: () => '/api/profile/password',
      token: () => state.selfToken,
      // the control changes nothing either: a wrong current password is a 400 too, checked after the shape
      valid: async () => ({ currentPassword: 'not-the-password', newPassword: 'a-new-long-password' }),
      missing: 'newPassword',
      wrongType: ['currentPassword', 5],
      ok: 400,
    },
    // periods and corrective action tasks
    {
      route: 'POST /api/periods/:id/reopen',
      path: () => `/api/periods/${id['closedPeriod']}/reopen`,
      token: () => t['staff'],
      valid: async () => ({ reason: 'Figures restated after the close' }),
      missing: 'reason',
      wrongType: ['reason', 5],
      ok: 200,
    },
    {
      route: 'PATCH /api/corrective-action-plans/:id/tasks/:taskId/status',
      path: () => `/api/corrective-action-plans/${id['plan']}/tasks/${id['task']}/status`,
      token: () => t['staff'],
      valid: async () => ({ status: 'doing' }),
      missing: 'status',
      wrongType: ['status', 5],
      ok: 200,
    },
  ];

  describe.each(CASES.map((c) => [c.route, c] as const))('%s', (_route, c) => {
    const method = c.route.split(' ')[0] as string;
    const send = (opts: { body?: unknown; raw?: string }) => call(api, method, c.path(), { token: c.token(), ...opts });

    const expect400Naming = async (body: Body, field: string): Promise<void> => {
      await watch.expectNone(
        () => send({ body }),
        (res) => expect(errorPaths(expectProblem(res, 400))).toContain(field),
      );
    };

    if (c.missing) {
      it(`refuses a missing required field (${c.missing}) with 400`, async () => {
        const { [c.missing as string]: _dropped, ...body } = await c.valid!();
        await expect400Naming(body, c.missing as string);
      });
    }
    if (c.wrongType) {
      const [field, value] = c.wrongType;
      it(`refuses a wrong type (${field}: ${JSON.stringify(value)}) with 400`, async () => {
        await expect400Naming({ ...(await c.valid!()), [field]: value }, field);
      });
    }
    if (c.valid) {
      it('refuses an unknown field with 400', async () => {
        await expect400Naming({ ...(await c.valid!()), unexpectedField: 'surprise' }, 'unexpectedField');
      });
    }
    it('refuses a body over the 100kb limit with 413', async () => {
      const body = { ...((await c.valid?.()) ?? {}), padding: BIG };
      await watch.expectNone(
        () => send({ body }),
        (res) => expect(errorPaths(expectProblem(res, 413))).toContain('body'),
      );
    });
    it('refuses malformed JSON with 400', async () => {
      await watch.expectNone(
        () => send({ raw: '{"name": "unfinished' }),
        (res) => expect(errorPaths(expectProblem(res, 400))).toContain('body'),
      );
    });
    it(`control: the same request without the fault answers ${c.ok}`, async () => {
      const res = await send({ body: c.valid ? await c.valid() : undefined });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: c.ok });
    });
  });

  const LISTS = ['/api/consortia', '/api/organisations', '/api/memberships', '/api/users', '/api/invitations', '/api/role-assignments', '/api/api-keys', '/api/audit-events', '/api/outbox', '/api/background-jobs'];

  describe.each(LISTS)('GET %s', (path) => {
    it(`refuses a range of more than ${MAX_PAGE_SIZE} rows with 400 naming range`, async () => {
      const res = await call(api, 'GET', `${path}${q({ range: [0, MAX_PAGE_SIZE] })}`, { token: t['staff'] });
      expect(errorPaths(expectProblem(res, 400))).toContain('range');
      const most = await call(api, 'GET', `${path}${q({ range: [0, MAX_PAGE_SIZE - 1] })}`, { token: t['staff'] });
      expect(most.status).toBe(200);
    });
    it('refuses an unknown filter with 400 naming it', async () => {
      const res = await call(api, 'GET', `${path}${q({ filter: { noSuchFilter: 'x' } })}`, { token: t['staff'] });
      expect(errorPaths(expectProblem(res, 400))).toContain('filter.noSuchFilter');
    });
    it('refuses sorting by an unknown field with 400 naming sort', async () => {
      const res = await call(api, 'GET', `${path}${q({ sort: ['noSuchField', 'ASC'] })}`, { token: t['staff'] });
      expect(errorPaths(expectProblem(res, 400))).toContain('sort');
    });
    it('refuses a filter that is not JSON with 400 naming filter', async () => {
      const res = await call(api, 'GET', `${path}?filter=%7Bnot-json`, { token: t['staff'] });
      expect(errorPaths(expectProblem(res, 400))).toContain('filter');
    });
  });

  // `null` is a wrong type for a field that cannot be empty: it must be refused at the edge,
  // not reach the database (where a NOT NULL column turns it into a 500).
  const NULLS: [string, string, () => string][] = [
    ['PATCH /api/consortia/:id', 'name', () => `/api/consortia/${demo.consortium.glmp}`],
    ['PATCH /api/consortia/:id', 'disclosureThreshold', () => `/api/consortia/${demo.consortium.glmp}`],
    ['PATCH /api/organisations/:id', 'name', () => `/api/organisations/${id['orgToEdit']}`],
    ['PATCH /api/organisations/:id', 'kind', () => `/api/organisations/${id['orgToEdit']}`],
    ['PATCH /api/memberships/:id', 'tier', () => `/api/memberships/${id['membership']}`],
    ['PATCH /api/memberships/:id', 'annualDues', () => `/api/memberships/${id['membership']}`],
    ['PATCH /api/users/:id', 'name', () => `/api/users/${id['colleague']}`],
  ];

  it.each(NULLS)('%s refuses null for %s with 400 (never 500)', async (route, field, path) => {
    await watch.expectNone(
      () => call(api, 'PATCH', path(), { token: route.startsWith('PATCH /api/users') ? t['platform'] : t['staff'], body: { [field]: null } }),
      (res) => expect(errorPaths(expectProblem(res, 400))).toContain(field),
    );
  });

  it.each([
    ['/api/audit-events', { filter: { id: ['1e3'] } }, 'filter.id'],
    ['/api/audit-events', { filter: { id: [1e30] } }, 'filter.id'],
    ['/api/audit-events', { filter: { id: '1.0' } }, 'filter.id'],
    ['/api/audit-events', { filter: { id: '99999999999999999999' } }, 'filter.id'],
    ['/api/organisations', { range: [1e20, 1e20] }, 'range'],
  ] as [string, Record<string, unknown>, string][])('GET %s with %j answers 400 naming the parameter (never 500)', async (path, params, field) => {
    const res = await call(api, 'GET', `${path}${q(params)}`, { token: t['staff'] });
    expect(errorPaths(expectProblem(res, 400))).toContain(field);
  });

  it('a duplicate answers 409 naming the field, and writes nothing', async () => {
    await watch.expectNone(
      () => call(api, 'POST', '/api/organisations', { token: t['staff'], body: { code: 'acme-castings', name: 'Second Acme', kind: 'supplier' } }),
      (res) => expect(errorPaths(expectProblem(res, 409))).toEqual(['code']),
    );
  });

  const BY_ID: [string, string][] = [
    ['GET', '/api/consortia/:id'],
    ['PUT', '/api/consortia/:id'],
    ['PATCH', '/api/consortia/:id'],
    ['GET', '/api/organisations/:id'],
    ['PUT', '/api/organisations/:id'],
    ['PATCH', '/api/organisations/:id'],
    ['DELETE', '/api/organisations/:id'],
    ['GET', '/api/memberships/:id'],
    ['PUT', '/api/memberships/:id'],
    ['PATCH', '/api/memberships/:id'],
    ['POST', '/api/memberships/:id/transition'],
    ['GET', '/api/users/:id'],
    ['PUT', '/api/users/:id'],
    ['PATCH', '/api/users/:id'],
    ['GET', '/api/role-assignments/:id'],
    ['DELETE', '/api/role-assignments/:id'],
    ['GET', '/api/api-keys/:id'],
    ['DELETE', '/api/api-keys/:id'],
    ['GET', '/api/audit-events/:id'],
    ['GET', '/api/outbox/:id'],
  ];

  it.each(BY_ID)('%s %s with an id that is not an id answers 404', async (method, path) => {
    // as the platform admin, who holds every permission: the 404 is the id's, not the role's
    await watch.expectNone(
      () => call(api, method, path.replace(':id', 'not-an-id'), { token: t['platform'], body: method === 'GET' || method === 'DELETE' ? undefined : {} }),
      (res) => expectProblem(res, 404),
    );
  });

  it("answers 404 for another consortium's records exactly as for records that do not exist", async () => {
    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "RoleAssignment" WHERE "userId" = $1`, [demo.user.foxAdmin]);
    const foreign: [string, string][] = [
      ['/api/consortia', demo.consortium.fvsn],
      ['/api/organisations', demo.org.fox],
      ['/api/memberships', demo.membership.fox],
      ['/api/users', demo.user.foxAdmin],
      ['/api/role-assignments', rows[0]?.id ?? ''],
      ['/api/api-keys', id['fvsnApiKey'] ?? ''],
      ['/api/audit-events', id['fvsnAudit'] ?? ''],
      ['/api/outbox', id['fvsnOutbox'] ?? ''],
    ];
    for (const [path, foreignId] of foreign) {
      const missingId = path === '/api/audit-events' ? '999999999999' : '0190f0f0-0000-7000-8000-000000000000';
      // the records exist: the platform admin sees them
      expect((await call(api, 'GET', `${path}/${foreignId}`, { token: t['platform'] })).status).toBe(200);
      const res = await call(api, 'GET', `${path}/${foreignId}`, { token: t['staff'] });
      const missing = await call(api, 'GET', `${path}/${missingId}`, { token: t['staff'] });
      const p = expectProblem(res, 404);
      const m = expectProblem(missing, 404);
      expect({ path, type: p.type, title: p.title, detail: p.detail, errors: p.errors }).toEqual({ path, type: m.type, title: m.title, detail: m.detail, errors: m.errors });
      // (the request's own id is random: an audit event's small integer id can occur in it by chance)
      const { requestId: _requestId, ...answer } = res.body as Record<string, unknown>;
      expect(JSON.stringify(answer)).not.toContain(foreignId);
    }
    // writes too
    await watch.expectNone(
      () => call(api, 'PATCH', `/api/organisations/${demo.org.fox}`, { token: t['staff'], body: { name: 'Taken over' } }),
      (res) => expectProblem(res, 404),
    );
    await watch.expectNone(
      () => call(api, 'POST', `/api/memberships/${demo.membership.fox}/transition`, { token: t['staff'], body: { toStatus: 'suspended', reason: 'not yours to suspend' } }),
      (res) => expectProblem(res, 404),
    );
  });

  it('a create naming a foreign parent answers like one naming a parent that does not exist', async () => {
    const foreign = await watch.expectNone(
      () => call(api, 'POST', '/api/memberships', { token: t['staff'], body: { organisationId: demo.org.fox, tier: 'supplier' } }),
      (res) => expectProblem(res, 400),
    );
    const missing = await watch.expectNone(
      () => call(api, 'POST', '/api/memberships', { token: t['staff'], body: { organisationId: '0190f0f0-0000-7000-8000-000000000000', tier: 'supplier' } }),
      (res) => expectProblem(res, 400),
    );
    const f = foreign.body as ProblemBody;
    const m = missing.body as ProblemBody;
    expect(f.errors).toEqual(m.errors);
    expect(errorPaths(f)).toEqual(['organisationId']);
  });
});
