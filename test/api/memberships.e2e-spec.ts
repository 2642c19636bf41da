import type { Pool } from 'pg';
import type { AuditEvent, Membership, SessionUser } from '@tandem/contracts';
import { call, q, startApi, type TestApi } from './support/api';
import { EMAIL, createMember, dbPool, errorPaths, expectProblem, loadDemo, session, uniq, type Demo } from './support/fixtures';
import { SideEffectWatch } from './support/side-effects';

/**
 * domain.md: membership status lifecycle `applicant → active → suspended → exited`,
 * transitions recorded with reason and date; everything that changes is audited (who, when,
 * what, before/after). And people join by invitation.
 */
describe('membership lifecycle', () => {
  let api: TestApi;
  let pool: Pool;
  let watch: SideEffectWatch;
  let demo: Demo;
  let staff: string;
  let staffUserId: string;

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    watch = new SideEffectWatch(pool);
    demo = await loadDemo(pool);
    staff = await session(api, EMAIL.staff);
    staffUserId = ((await call(api, 'GET', '/api/auth/me', { token: staff })).body as SessionUser).id;
  }, 30_000);

  afterAll(async () => {
    await watch?.close();
    await pool?.end();
    await api?.close();
  });

  const transition = (id: string, body: Record<string, unknown>, requestId?: string) =>
    call(api, 'POST', `/api/memberships/${id}/transition`, { token: staff, body, headers: requestId ? { 'X-Request-Id': requestId } : {} });

  const getOne = async (id: string): Promise<Membership> => {
    const res = await call(api, 'GET', `/api/memberships/${id}`, { token: staff });
    expect(res.status).toBe(200);
    return res.body as Membership;
  };

  const auditFor = async (requestId: string): Promise<AuditEvent[]> => {
    const res = await call(api, 'GET', `/api/audit-events${q({ filter: { requestId } })}`, { token: staff });
    expect(res.status).toBe(200);
    return res.body as AuditEvent[];
  };

  it('goes applicant → active → suspended → active → exited, each step recorded with reason, date and actor', async () => {
    const { membership } = await createMember(api, staff);
    expect(membership).toMatchObject({ status: 'applicant', joinedAt: null, exitedAt: null });
    const tag = uniq('req');
    const steps = [
      { toStatus: 'active', reason: 'Charter signed and first dues paid', effectiveDate: '2026-01-15' },
      { toStatus: 'suspended', reason: 'Dues unpaid 90 days after invoice', effectiveDate: '2026-05-01' },
      { toStatus: 'active', reason: 'Payment plan agreed; reinstated', effectiveDate: '2026-06-01' },
      { toStatus: 'exited', reason: 'Plant closed; membership ended at its request', effectiveDate: '2026-09-30' },
    ] as const;
    let from = 'applicant';
    for (const [i, step] of steps.entries()) {
      const requestId = `${tag}-${i}`;
      const res = await transition(membership.id, step, requestId);
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 200, body: { id: membership.id, status: step.toStatus } });
      expect(res.headers.get('x-request-id')).toBe(requestId);
      const after = res.body as Membership;
      if (i === 0) expect(after.joinedAt).toBe('2026-01-15'); // set on first activation
      if (i === 2) expect(after.joinedAt).toBe('2026-01-15'); // reinstatement keeps the original join date
      if (i === 3) expect(after.exitedAt).toBe('2026-09-30');

      // the audit trail has exactly this change under the request id the caller sent
      const events = await auditFor(requestId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: `membership.${step.toStatus}`,
        entityType: 'Membership',
        entityId: membership.id,
        actorUserId: staffUserId,
        consortiumId: demo.consortium.glmp,
        organisationId: membership.organisationId,
        requestId,
        before: expect.objectContaining({ status: from }),
        after: expect.objectContaining({ status: step.toStatus, reason: step.reason }),
      });
      from = step.toStatus;
    }

    const final = await getOne(membership.id);
    expect(final).toMatchObject({ status: 'exited', joinedAt: '2026-01-15', exitedAt: '2026-09-30' });
    expect(final.transitions).toEqual(
      steps.map((s, i) =>
        expect.objectContaining({
          fromStatus: i === 0 ? 'applicant' : steps[i - 1]?.toStatus,
          toStatus: s.toStatus,
          reason: s.reason,
          effectiveDate: s.effectiveDate,
          actorUserId: staffUserId,
        }),
      ),
    );

    // exit is final: exited → active is a conflict naming toStatus, and writes nothing
    await watch.expectNone(
      () => transition(membership.id, { toStatus: 'active', reason: 'Wants to come back' }),
      (res) => expect(errorPaths(expectProblem(res, 409))).toEqual(['toStatus']),
    );
    expect(await getOne(membership.id)).toEqual(final);
  });

  it('without an effective date, the transition takes effect today', async () => {
    const { membership } = await createMember(api, staff);
    const res = await transition(membership.id, { toStatus: 'active', reason: 'Admitted by the steering committee' });
    expect(res.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect((res.body as Membership).joinedAt).toBe(today);
    expect((await getOne(membership.id)).transitions?.[0]).toMatchObject({ effectiveDate: today });
  });

  it('refuses applicant → suspended with 409 problem+json naming toStatus, writing nothing', async () => {
    const { membership } = await createMember(api, staff);
    const before = await getOne(membership.id);
    const requestId = uniq('req');
    await watch.expectNone(
      () => transition(membership.id, { toStatus: 'suspended', reason: 'Skipping ahead' }, requestId),
      (res) => {
        const p = expectProblem(res, 409);
        expect(p.errors).toEqual([expect.objectContaining({ path: 'toStatus' })]);
        expect(p.detail).toContain('applicant');
      },
    );
    expect(await getOne(membership.id)).toEqual(before);
    expect(await auditFor(requestId)).toEqual([]);
  });

  it('refuses a transition to the current status (active → active) with 409', async () => {
    await watch.expectNone(
      () => transition(demo.membership.badger, { toStatus: 'active', reason: 'Already active' }),
      (res) => expect(errorPaths(expectProblem(res, 409))).toEqual(['toStatus']),
    );
  });

  it('requires a reason (400 naming reason), and a real one', async () => {
    const { membership } = await createMember(api, staff);
    for (const body of [{ toStatus: 'active' }, { toStatus: 'active', reason: '' }, { toStatus: 'active', reason: 'ok' }, { toStatus: 'active', reason: 42 }]) {
      await watch.expectNone(
        () => transition(membership.id, body),
        (res) => expect(errorPaths(expectProblem(res, 400))).toContain('reason'),
      );
    }
    await watch.expectNone(
      () => transition(membership.id, { toStatus: 'member', reason: 'Not a status' }),
      (res) => expect(errorPaths(expectProblem(res, 400))).toContain('toStatus'),
    );
    await watch.expectNone(
      () => transition(membership.id, { toStatus: 'active', reason: 'Charter signed', effectiveDate: '15/01/2026' }),
      (res) => expect(errorPaths(expectProblem(res, 400))).toContain('effectiveDate'),
    );
    expect((await getOne(membership.id)).status).toBe('applicant');
  });

  it('status changes only through /transition: a PATCH naming it is refused and changes nothing; the edit form\'s PUT of the whole record drops it', async () => {
    const { membership } = await createMember(api, staff);
    const refused = await call(api, 'PATCH', `/api/memberships/${membership.id}`, { token: staff, body: { status: 'active', annualDues: 1200 } });
    expect(errorPaths(expectProblem(refused, 400))).toEqual(['status']);
    expect(await getOne(membership.id)).toMatchObject({ status: 'applicant', joinedAt: null });
    expect((await getOne(membership.id)).annualDues).not.toBe(1200);
    const record = await getOne(membership.id);
    const res = await call(api, 'PUT', `/api/memberships/${membership.id}`, { token: staff, body: { ...record, status: 'active', annualDues: 1200 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'applicant', annualDues: 1200, joinedAt: null });
  });
});

describe('invitations', () => {
  let api: TestApi;
  let staff: string;
  let demo: Demo;

  beforeAll(async () => {
    api = await startApi();
    const pool = dbPool();
    demo = await loadDemo(pool);
    await pool.end();
    staff = await session(api, EMAIL.staff);
  }, 30_000);

  afterAll(async () => {
    await api?.close();
  });

  it('users are filtered by the roles they hold and the firms they act for', async () => {
    const buyers = await call(api, 'GET', `/api/users${q({ filter: { role: 'customer_buyer' }, range: [0, 99] })}`, { token: staff });
    expect(buyers.status).toBe(200);
    const emails = (buyers.body as { email: string }[]).map((u) => u.email);
    expect(emails).toContain(EMAIL.buyer);
    expect(emails).not.toContain(EMAIL.staff);
    const acme = await call(api, 'GET', `/api/users${q({ filter: { organisationId: [demo.org.acme], role: ['firm_admin', 'firm_contributor'] }, range: [0, 99] })}`, { token: staff });
    const acmeEmails = (acme.body as { email: string }[]).map((u) => u.email);
    expect(acmeEmails).toEqual(expect.arrayContaining(['supplier.admin@acme-castings.demo', 'contributor@acme-castings.demo']));
    expect(acmeEmails).not.toContain('supplier.admin@badger-machining.demo');
  });
});
