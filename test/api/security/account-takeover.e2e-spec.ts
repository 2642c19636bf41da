import type { Pool } from 'pg';
import type { Invitation, Profile, TokenPair, User } from '@tandem/contracts';
import { call, q, startApi, type TestApi } from '../support/api';
import {
  EMAIL,
  INVITEE_PASSWORD,
  dbPool,
  errorPaths,
  expectProblem,
  invitationTokenFor,
  invite,
  loadDemo,
  sendInvitation,
  session,
  uniq,
  type Demo,
} from '../support/fixtures';
import { SideEffectWatch } from '../support/side-effects';


// Each test may start an API of its own: more than Jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

/**
 * Finding 1 of the outside attack: any firm admin could take over any account on the
 * platform. `POST /api/users` with the e-mail of someone of another firm, consortium or the
 * platform admin attached a role to that account without consent, returned its name, and a
 * PATCH then renamed or disabled the global account.
 *
 * Now: an invitation is a pending offer the invited person accepts; no role exists before;
 * the answer to an invitation is the same whether the address is known or not; account-wide
 * fields change only by the person or the platform admin.
 */
describe('security: account takeover through invitations (finding 1)', () => {
  let api: TestApi;
  let pool: Pool;
  let watch: SideEffectWatch;
  let demo: Demo;
  let acmeAdmin: string;
  let staff: string;

  const rolesOf = async (userId: string): Promise<string[]> =>
    (await pool.query<{ k: string }>(`SELECT role || ':' || coalesce("organisationId"::text, '-') || ':' || status AS k FROM "RoleAssignment" WHERE "userId" = $1 ORDER BY 1`, [userId])).rows.map((r) => r.k);
  const accountOf = async (userId: string): Promise<Record<string, unknown>> =>
    (await pool.query<Record<string, unknown>>(`SELECT name, email, status, "passwordHash" FROM "User" WHERE id = $1`, [userId])).rows[0] ?? {};

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    watch = new SideEffectWatch(pool);
    demo = await loadDemo(pool);
    acmeAdmin = await session(api, EMAIL.acmeAdmin);
    staff = await session(api, EMAIL.staff);
  }, 60_000);

  afterAll(async () => {
    await watch?.close();
    await pool?.end();
    await api?.close();
  });

  it('the old takeover route is gone', async () => {
    await watch.expectNone(
      () => call(api, 'POST', '/api/users', { token: acmeAdmin, body: { email: EMAIL.platform, name: 'Mallory', role: 'firm_contributor' } }),
      (res) => expectProblem(res, 404),
    );
  });

  it('inviting anyone’s address attaches no role, reveals no name, and reads the same as inviting an unknown address', async () => {
    const targets = [EMAIL.platform, EMAIL.badgerAdmin, EMAIL.foxAdmin, EMAIL.staff];
    const before = await Promise.all(targets.map(async (email) => ({ email, roles: await rolesOf(demo.user[keyOf(email)]), account: await accountOf(demo.user[keyOf(email)]) })));

    const answers: Record<string, unknown>[] = [];
    for (const email of [...targets, `${uniq('nobody')}@example.test`]) {
      const res = await call(api, 'POST', '/api/invitations', { token: acmeAdmin, body: { email, name: 'Typed By Mallory', role: 'firm_contributor' } });
      expect(res.status).toBe(201);
      const body = res.body as Invitation;
      // only what the inviter typed and what the invitation is: no account's name or id
      expect(body).toMatchObject({ email: email.toLowerCase(), name: 'Typed By Mallory', role: 'firm_contributor', status: 'pending', organisationId: demo.org.acme });
      for (const account of [demo.user.platform, demo.user.badgerAdmin, demo.user.foxAdmin, demo.user.staff]) expect(JSON.stringify(body)).not.toContain(account);
      const { id: _id, email: _email, createdAt: _c, updatedAt: _u, expiresAt: _e, ...shape } = body as unknown as Record<string, unknown>;
      answers.push(shape);
    }
    // known and unknown addresses: the same answer
    for (const a of answers) expect(a).toEqual(answers[answers.length - 1]);

    const after = await Promise.all(targets.map(async (email) => ({ email, roles: await rolesOf(demo.user[keyOf(email)]), account: await accountOf(demo.user[keyOf(email)]) })));
    expect(after).toEqual(before);
    // and the e-mail each address receives is word for word the same text (but for the link)
    const texts = await pool.query<{ to: string; text: string }>(
      `SELECT DISTINCT ON ("to") "to", text FROM "OutboxMessage" WHERE "to" = ANY($1) AND sensitive ORDER BY "to", "createdAt" DESC`,
      [targets],
    );
    const normalised = new Set(texts.rows.map((r) => r.text.replace(/token=\S+/, 'token=…')));
    expect(normalised.size).toBe(1);
  });

  it('an address that already holds the role gets an invitation too (no 409 that would tell)', async () => {
    const res = await call(api, 'POST', '/api/invitations', { token: acmeAdmin, body: { email: EMAIL.acmeContributor, name: 'Rosa', role: 'firm_contributor' } });
    expect(res.status).toBe(201);
  });

  it('a firm admin or staff member cannot rename, re-address or disable any account, their own colleagues’ included', async () => {
    const colleague = await invite(api, staff, { role: 'firm_contributor', organisationId: demo.org.acme });
    for (const token of [acmeAdmin, staff]) {
      for (const id of [colleague.id, demo.user.platform, demo.user.badgerAdmin, demo.user.foxAdmin]) {
        for (const body of [{ status: 'disabled' }, { name: 'Renamed By Mallory' }, { email: 'mallory@example.test' }]) {
          for (const method of ['PATCH', 'PUT']) {
            await watch.expectNone(
              () => call(api, method, `/api/users/${id}`, { token, body: method === 'PUT' ? { name: 'Renamed By Mallory', ...body } : body }),
              (res) => expectProblem(res, 403),
            );
          }
        }
      }
    }
    // the person themself can still sign in
    expect((await call(api, 'POST', '/api/auth/login', { body: { email: colleague.email, password: INVITEE_PASSWORD } })).status).toBe(200);
  });

  it('the platform admin corrects an account and a disable ends its sessions at once', async () => {
    const platform = await session(api, EMAIL.platform);
    const person = await invite(api, staff, { role: 'firm_contributor', organisationId: demo.org.acme });
    const renamed = await call(api, 'PATCH', `/api/users/${person.id}`, { token: platform, body: { name: 'Corrected Name' } });
    expect(renamed.body).toMatchObject({ name: 'Corrected Name' });
    expect((await call(api, 'GET', '/api/auth/me', { token: person.pair.accessToken })).status).toBe(200);
    expect((await call(api, 'PATCH', `/api/users/${person.id}`, { token: platform, body: { status: 'disabled' } })).status).toBe(200);
    expectProblem(await call(api, 'GET', '/api/auth/me', { token: person.pair.accessToken }), 401);
    expectProblem(await call(api, 'POST', '/api/auth/refresh', { body: { refreshToken: person.pair.refreshToken } }), 401);
    expectProblem(await call(api, 'POST', '/api/auth/login', { body: { email: person.email, password: INVITEE_PASSWORD } }), 401);
  });

  it('an existing account accepts only with its own password; a wrong one creates nothing and counts as a failed sign-in', async () => {
    // Someone of Badger (an account of its own, so the demo accounts keep their roles) is offered a role at Acme by Acme's admin
    const badgerPerson = await invite(api, staff, { role: 'firm_contributor', organisationId: demo.org.badger });
    const inv = await sendInvitation(api, acmeAdmin, { email: badgerPerson.email, name: 'Whoever', role: 'firm_admin' });
    const token = await invitationTokenFor(badgerPerson.email);
    const preview = await call(api, 'POST', '/api/auth/invitation-preview', { body: { token } });
    expect(preview.body).toMatchObject({ email: badgerPerson.email, name: 'Whoever', role: 'firm_admin', organisationName: 'Acme Castings', accountExists: true, invitedByName: 'Daniel Schultz' });

    const rolesBefore = await rolesOf(badgerPerson.id);
    const accountBefore = await accountOf(badgerPerson.id);
    await watch.expectNone(
      () => call(api, 'POST', '/api/auth/accept-invite', { body: { token, password: 'a-password-chosen-by-the-attacker' } }),
      (res) => expect(errorPaths(expectProblem(res, 400))).toEqual(['password']),
    );
    expect(await rolesOf(badgerPerson.id)).toEqual(rolesBefore);
    // the password of an existing account is never set through a link
    expect(await accountOf(badgerPerson.id)).toEqual(accountBefore);
    expect((await call(api, 'POST', '/api/auth/login', { body: { email: badgerPerson.email, password: INVITEE_PASSWORD } })).status).toBe(200);

    const accepted = await call(api, 'POST', '/api/auth/accept-invite', { body: { token, password: INVITEE_PASSWORD } });
    expect(accepted.status).toBe(200);
    const pair = accepted.body as TokenPair;
    expect(pair.user).toMatchObject({ id: badgerPerson.id, role: 'firm_admin', organisationId: demo.org.acme });
    expect(await rolesOf(badgerPerson.id)).toEqual([...rolesBefore, `firm_admin:${demo.org.acme}:active`].sort());
    expect(await accountOf(badgerPerson.id)).toEqual(accountBefore);
    expect((await call(api, 'GET', `/api/invitations/${inv.id}`, { token: acmeAdmin })).body).toMatchObject({ status: 'accepted' });
    // the link works once
    expect(errorPaths(expectProblem(await call(api, 'POST', '/api/auth/accept-invite', { body: { token, password: INVITEE_PASSWORD } }), 400))).toEqual(['token']);
    // the person's first role stays what a plain sign-in opens
    const plain = (await call(api, 'POST', '/api/auth/login', { body: { email: badgerPerson.email, password: INVITEE_PASSWORD } })).body as TokenPair;
    expect(plain.user).toMatchObject({ role: 'firm_contributor', organisationId: demo.org.badger });
  });

  it('wrong passwords on an invitation count against the same limits as sign-ins', async () => {
    const person = await invite(api, staff, { role: 'firm_contributor', organisationId: demo.org.badger });
    await sendInvitation(api, staff, { email: person.email, role: 'customer_buyer', organisationId: demo.org.northstar });
    const token = await invitationTokenFor(person.email);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await call(api, 'POST', '/api/auth/accept-invite', { body: { token, password: `guess-${i}` } })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
    // and they are the same count: the sign-in from that address is blocked too
    expectProblem(await call(api, 'POST', '/api/auth/login', { body: { email: person.email, password: INVITEE_PASSWORD } }), 429);
  });

  it('a new address sets its password once, with the name it chooses', async () => {
    const email = `${uniq('new.person')}@example.test`;
    await sendInvitation(api, staff, { email, name: 'Dana K', role: 'firm_contributor', organisationId: demo.org.acme });
    const token = await invitationTokenFor(email);
    expect((await call(api, 'POST', '/api/auth/invitation-preview', { body: { token } })).body).toMatchObject({ accountExists: false, organisationName: 'Acme Castings' });
    expect(errorPaths(expectProblem(await call(api, 'POST', '/api/auth/accept-invite', { body: { token, password: 'short' } }), 400))).toEqual(['password']);
    // not an account before accepting: nothing to sign in with
    expectProblem(await call(api, 'POST', '/api/auth/login', { body: { email, password: 'short' } }), 401);
    const res = await call(api, 'POST', '/api/auth/accept-invite', { body: { token, password: 'correct horse battery staple', name: 'Dana Kowalski' } });
    expect(res.body).toMatchObject({ user: { email, name: 'Dana Kowalski', role: 'firm_contributor', organisationId: demo.org.acme } });
    expect((await call(api, 'POST', '/api/auth/login', { body: { email, password: 'correct horse battery staple' } })).status).toBe(200);
  });

  it('revoked, declined, superseded and expired links all read the same: invalid or expired', async () => {
    const email = `${uniq('many')}@example.test`;
    const first = await sendInvitation(api, staff, { email, role: 'firm_contributor', organisationId: demo.org.acme });
    const firstToken = await invitationTokenFor(email);
    await sendInvitation(api, staff, { email, role: 'firm_contributor', organisationId: demo.org.acme });
    const secondToken = await invitationTokenFor(email);
    expect((await call(api, 'GET', `/api/invitations/${first.id}`, { token: staff })).body).toMatchObject({ status: 'revoked' });

    const declinedEmail = `${uniq('decliner')}@example.test`;
    await sendInvitation(api, staff, { email: declinedEmail, role: 'firm_contributor', organisationId: demo.org.acme });
    const declinedToken = await invitationTokenFor(declinedEmail);
    expect((await call(api, 'POST', '/api/auth/decline-invite', { body: { token: declinedToken } })).status).toBe(204);

    const revokedEmail = `${uniq('revoked')}@example.test`;
    const revoked = await sendInvitation(api, acmeAdmin, { email: revokedEmail, role: 'firm_contributor' });
    const revokedToken = await invitationTokenFor(revokedEmail);
    expect((await call(api, 'DELETE', `/api/invitations/${revoked.id}`, { token: acmeAdmin })).body).toMatchObject({ status: 'revoked' });
    expectProblem(await call(api, 'DELETE', `/api/invitations/${revoked.id}`, { token: acmeAdmin }), 409);

    const expiredEmail = `${uniq('expired')}@example.test`;
    const expired = await sendInvitation(api, staff, { email: expiredEmail, role: 'firm_contributor', organisationId: demo.org.acme });
    const expiredToken = await invitationTokenFor(expiredEmail);
    await pool.query(`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    expect((await call(api, 'GET', `/api/invitations/${expired.id}`, { token: staff })).body).toMatchObject({ status: 'expired' });

    const answers = [];
    for (const token of [firstToken, declinedToken, revokedToken, expiredToken, 'never-issued-token-xxxxxxxx']) {
      for (const path of ['/api/auth/accept-invite', '/api/auth/invitation-preview', '/api/auth/decline-invite']) {
        const body = path.endsWith('accept-invite') ? { token, password: 'correct horse battery staple' } : { token };
        const res = await watch.expectNone(() => call(api, 'POST', path, { body }));
        const { requestId: _r, ...answer } = expectProblem(res, 400);
        answers.push(answer);
      }
    }
    for (const a of answers) expect(a).toEqual(answers[0]);
    // the newest link still works
    expect((await call(api, 'POST', '/api/auth/accept-invite', { body: { token: secondToken, password: 'correct horse battery staple' } })).status).toBe(200);
  });

  it('a signed-in person accepts invitations addressed to them, and nobody else’s', async () => {
    const person = await invite(api, staff, { role: 'firm_contributor', organisationId: demo.org.acme });
    const offer = await sendInvitation(api, staff, { email: person.email, role: 'customer_buyer', organisationId: demo.org.northstar });
    const notMine = await sendInvitation(api, staff, { role: 'customer_buyer', organisationId: demo.org.northstar });
    const mine = (await call(api, 'GET', '/api/profile/invitations', { token: person.pair.accessToken })).body as { id: string }[];
    expect(mine.map((i) => i.id)).toEqual([offer.id]);
    for (const action of ['accept', 'decline']) {
      await watch.expectNone(
        () => call(api, 'POST', `/api/profile/invitations/${notMine.id}/${action}`, { token: person.pair.accessToken, body: {} }),
        (res) => expectProblem(res, 404),
      );
    }
    const profile = (await call(api, 'POST', `/api/profile/invitations/${offer.id}/accept`, { token: person.pair.accessToken, body: {} })).body as Profile;
    expect(profile.roles.map((r) => `${r.role}@${r.organisationName}`)).toEqual(['firm_contributor@Acme Castings', 'customer_buyer@Northstar Engines']);
  });

  it('firm admins suspend, reactivate and revoke roles of their own firm’s people only', async () => {
    const colleague = await invite(api, acmeAdmin, { role: 'firm_contributor' });
    const badgerPerson = await invite(api, staff, { role: 'firm_contributor', organisationId: demo.org.badger });
    await watch.expectNone(
      () => call(api, 'PATCH', `/api/role-assignments/${badgerPerson.roleAssignmentId}`, { token: acmeAdmin, body: { status: 'suspended' } }),
      (res) => expectProblem(res, 404),
    );
    expect((await call(api, 'PATCH', `/api/role-assignments/${colleague.roleAssignmentId}`, { token: acmeAdmin, body: { status: 'suspended' } })).body).toMatchObject({ status: 'suspended' });
    expectProblem(await call(api, 'GET', '/api/auth/me', { token: colleague.pair.accessToken }), 401);
    expectProblem(await call(api, 'POST', '/api/auth/login', { body: { email: colleague.email, password: INVITEE_PASSWORD } }), 401);
    expect((await call(api, 'PATCH', `/api/role-assignments/${colleague.roleAssignmentId}`, { token: acmeAdmin, body: { status: 'active' } })).body).toMatchObject({ status: 'active' });
    expect((await call(api, 'POST', '/api/auth/login', { body: { email: colleague.email, password: INVITEE_PASSWORD } })).status).toBe(200);
    // a firm admin never reaches the union representative attached to the firm
    const unionRole = (await pool.query<{ id: string }>(`SELECT id FROM "RoleAssignment" WHERE "userId" = $1`, [demo.user.union])).rows[0]!.id;
    await watch.expectNone(
      () => call(api, 'DELETE', `/api/role-assignments/${unionRole}`, { token: acmeAdmin }),
      (res) => expectProblem(res, 404),
    );
    const list = (await call(api, 'GET', `/api/users${q({ range: [0, 499] })}`, { token: acmeAdmin })).body as User[];
    expect(list.map((u) => u.id)).not.toContain(demo.user.union);
  });

  it('a firm admin invites only its own firm’s roles, into its own firm', async () => {
    for (const body of [
      // Acme is a supplier: nobody there buys for a customer
      { role: 'customer_buyer' },
      { role: 'consortium_staff' },
      { role: 'platform_admin' },
      { role: 'funder' },
      { role: 'firm_contributor', organisationId: demo.org.badger },
      { role: 'firm_contributor', consortiumId: demo.consortium.fvsn },
    ]) {
      await watch.expectNone(
        () => call(api, 'POST', '/api/invitations', { token: acmeAdmin, body: { email: `${uniq('x')}@example.test`, name: 'X', ...body } }),
        (res) => expectProblem(res, 400),
      );
    }
  });
});

function keyOf(email: string): keyof typeof EMAIL {
  const key = (Object.keys(EMAIL) as (keyof typeof EMAIL)[]).find((k) => EMAIL[k] === email);
  if (!key) throw new Error(`not a demo account: ${email}`);
  return key;
}
