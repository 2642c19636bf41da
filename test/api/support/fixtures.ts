import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { PROBLEM_CONTENT_TYPE, type ApiKey, type Invitation, type Membership, type Organisation, type TokenPair, type User } from '@tandem/contracts';
import { DEMO_PASSWORD } from '../../../prisma/seed/demo-accounts';
import { call, tokenFor, type Call, type TestApi } from './api';

/** Demo accounts the API tests act as (prisma/seed/demo-accounts.ts). */
export const EMAIL = {
  platform: 'platform@tandem.demo',
  staff: 'staff.admin@glmp.demo',
  acmeAdmin: 'supplier.admin@acme-castings.demo',
  acmeContributor: 'contributor@acme-castings.demo',
  badgerAdmin: 'supplier.admin@badger-machining.demo',
  buyer: 'buyer@northstar-engines.demo',
  union: 'union@glmp.demo',
  trainer: 'trainer@lakeshore-tech.demo',
  funder: 'funder@wi-workforce.demo',
  fvsnStaff: 'staff.admin@fvsn.demo',
  foxAdmin: 'supplier.admin@fox-cities-gear.demo',
} as const;
export type Account = keyof typeof EMAIL;

/** Demo organisations the tests refer to, by Organisation.code. */
export const ORG_CODE = {
  acme: 'acme-castings',
  badger: 'badger-machining',
  northstar: 'northstar-engines',
  lakeshore: 'lakeshore-tech',
  wiWorkforce: 'wi-workforce',
  fox: 'fox-cities-gear',
  /** United Steelworkers Local 1343: the demo union representative's union, which represents Acme Castings */
  usw: 'usw-1343',
} as const;
export type DemoOrg = keyof typeof ORG_CODE;

/** Ids of the seeded records the tests use (the seed is deterministic, but ids are looked up, not hard-coded). */
export interface Demo {
  consortium: { glmp: string; fvsn: string };
  org: Record<DemoOrg, string>;
  /** each organisation's membership: fox's in fvsn, every other one's in glmp */
  membership: Record<DemoOrg, string>;
  user: Record<Account, string>;
  /** the (first) role assignment of each demo account */
  roleAssignment: Record<Account, string>;
}

/** Unique lower-case token for codes, slugs and emails: tests share one database per run. */
export function uniq(prefix = 't'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export function dbPool(): Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run through jest (test/support/global-setup.ts)');
  return new Pool({ connectionString: url, max: 3 });
}

export async function loadDemo(pool: Pool): Promise<Demo> {
  const one = async (sql: string, params: unknown[]): Promise<string> => {
    const { rows } = await pool.query<{ id: string }>(sql, params);
    if (rows.length !== 1 || !rows[0]) throw new Error(`demo data: expected one row for ${sql} ${JSON.stringify(params)}, got ${rows.length}`);
    return rows[0].id;
  };
  const glmp = await one(`SELECT id FROM "Consortium" WHERE slug = $1`, ['glmp']);
  const fvsn = await one(`SELECT id FROM "Consortium" WHERE slug = $1`, ['fvsn']);
  const org = {} as Record<DemoOrg, string>;
  const membership = {} as Record<DemoOrg, string>;
  for (const [key, code] of Object.entries(ORG_CODE) as [DemoOrg, string][]) {
    org[key] = await one(`SELECT id FROM "Organisation" WHERE code = $1`, [code]);
    membership[key] = await one(`SELECT id FROM "Membership" WHERE "organisationId" = $1 AND "consortiumId" = $2`, [org[key], key === 'fox' ? fvsn : glmp]);
  }
  const user = {} as Record<Account, string>;
  const roleAssignment = {} as Record<Account, string>;
  for (const [key, email] of Object.entries(EMAIL) as [Account, string][]) {
    user[key] = await one(`SELECT id FROM "User" WHERE email = $1`, [email]);
    roleAssignment[key] = await one(`SELECT id FROM "RoleAssignment" WHERE "userId" = $1 ORDER BY "createdAt" LIMIT 1`, [user[key]]);
  }
  return { consortium: { glmp, fvsn }, org, membership, user, roleAssignment };
}

/**
 * Log in through the real endpoint. Another test file of the same run may have locked the
 * account out on purpose (auth.e2e-spec.ts exhausts the trainer's failed-login budget): then
 * a session is issued by the API's own AuthService for that user, which is what a successful
 * login does after the password check.
 */
export async function loginPair(api: TestApi, email: string): Promise<TokenPair> {
  const res = await call(api, 'POST', '/api/auth/login', { body: { email, password: DEMO_PASSWORD } });
  if (res.status === 200) return res.body as TokenPair;
  if (res.status !== 429) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const { AuthService } = await import('../../../apps/api/src/auth/auth.service');
  const { PrismaService } = await import('../../../libs/server/src/database/prisma.service');
  const prisma = api.app.get(PrismaService, { strict: false });
  const user = await prisma.system.user.findUniqueOrThrow({ where: { email }, include: { roleAssignments: { orderBy: { createdAt: 'asc' } } } });
  return api.app.get(AuthService, { strict: false }).login(user);
}

const sessions = new Map<string, string>();

/** Access token of a demo account, cached per API instance; see loginPair for locked-out accounts. */
export async function session(api: TestApi, email: string): Promise<string> {
  const key = `${api.url}|${email}`;
  const cached = sessions.get(key);
  if (cached) return cached;
  let token: string;
  try {
    token = await tokenFor(api, email);
  } catch (error) {
    if (!String(error).includes(' 429 ')) throw error;
    token = (await loginPair(api, email)).accessToken;
  }
  sessions.set(key, token);
  return token;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
  requestId?: string;
}

/** The answer is RFC 9457 problem+json with this status; on failure the whole answer is printed. */
export function expectProblem(res: Call, status: number): ProblemBody {
  expect({ status: res.status, contentType: res.contentType.split(';')[0], body: res.body }).toMatchObject({
    status,
    contentType: PROBLEM_CONTENT_TYPE,
    body: { status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) },
  });
  return res.body as ProblemBody;
}

/** A success with this status; on failure the whole answer is printed. */
export function expectStatus(res: Call, status: number): void {
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
}

export function errorPaths(p: ProblemBody): string[] {
  return (p.errors ?? []).map((e) => e.path);
}

async function created<T>(res: Call, what: string): Promise<T> {
  if (res.status !== 201) throw new Error(`creating ${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** A fresh organisation; as staff it is registered by (and visible to) the staff member's consortium. */
export async function createOrganisation(api: TestApi, token: string, overrides: Record<string, unknown> = {}): Promise<Organisation> {
  const code = uniq('org');
  const body = { code, name: `Test ${code}`, kind: 'supplier', ...overrides };
  return created<Organisation>(await call(api, 'POST', '/api/organisations', { token, body }), `organisation ${code}`);
}

/** A fresh applicant membership (consortium: the staff member's own unless named). */
export async function createMembership(api: TestApi, token: string, organisationId: string, overrides: Record<string, unknown> = {}): Promise<Membership> {
  const body = { organisationId, tier: 'supplier', ...overrides };
  return created<Membership>(await call(api, 'POST', '/api/memberships', { token, body }), `membership of ${organisationId}`);
}

/** A fresh organisation that is an applicant member of the staff member's consortium. */
export async function createMember(api: TestApi, staffToken: string): Promise<{ organisation: Organisation; membership: Membership }> {
  const organisation = await createOrganisation(api, staffToken);
  const membership = await createMembership(api, staffToken, organisation.id);
  return { organisation, membership };
}

/** The password every person the tests invite sets when accepting. */
export const INVITEE_PASSWORD = 'invited-person-password-2026';

/** The secret of the newest invitation link sent to `email` (read from the outbox table: tests have no mailbox). */
export async function invitationTokenFor(email: string): Promise<string> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ text: string }>(`SELECT text FROM "OutboxMessage" WHERE "to" = $1 AND sensitive ORDER BY "createdAt" DESC, id DESC LIMIT 1`, [email.toLowerCase()]);
    const link = /accept-invite\?token=([^\s]+)/.exec(rows[0]?.text ?? '');
    if (!link?.[1]) throw new Error(`no invitation link was sent to ${email}`);
    return decodeURIComponent(link[1]);
  } finally {
    await client.end();
  }
}

export interface InvitedPerson extends Pick<User, 'id' | 'email' | 'name'> {
  invitation: Invitation;
  roleAssignmentId: string;
  /** the outbox message that carried the link */
  messageId: string;
  /** the session the acceptance answered */
  pair: TokenPair;
}

/** Send an invitation (as `token`'s principal) and return it, without accepting it. */
export async function sendInvitation(api: TestApi, token: string, body: { role: string; organisationId?: string; consortiumId?: string; email?: string; name?: string }): Promise<Invitation> {
  const email = body.email ?? `${uniq('invitee')}@example.test`;
  return created<Invitation>(await call(api, 'POST', '/api/invitations', { token, body: { name: `Invitee ${email}`, ...body, email } }), `invitation of ${email}`);
}

/**
 * A fresh person with a role at an organisation, as it happens: an invitation is sent, the
 * person follows the link and sets a password (a new address) — or, when `email` already has
 * an account, confirms with `password` (that account's own).
 */
export async function invite(
  api: TestApi,
  token: string,
  body: { role: string; organisationId?: string; consortiumId?: string; email?: string; name?: string },
  password = INVITEE_PASSWORD,
): Promise<InvitedPerson> {
  const invitation = await sendInvitation(api, token, body);
  const secret = await invitationTokenFor(invitation.email);
  const res = await call(api, 'POST', '/api/auth/accept-invite', { body: { token: secret, password } });
  if (res.status !== 200) throw new Error(`accepting the invitation of ${invitation.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const pair = res.body as TokenPair;
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "OutboxMessage" WHERE "to" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT 1`, [invitation.email]);
    return { id: pair.user.id, email: pair.user.email, name: pair.user.name, invitation, roleAssignmentId: pair.user.roleAssignmentId, messageId: rows[0]?.id ?? '', pair };
  } finally {
    await client.end();
  }
}

export type CreatedApiKey = ApiKey & { key: string };

export async function createApiKey(api: TestApi, token: string, body: { organisationId?: string; consortiumId?: string; name?: string; expiresAt?: string }): Promise<CreatedApiKey> {
  return created<CreatedApiKey>(await call(api, 'POST', '/api/api-keys', { token, body: { name: uniq('key'), ...body } }), 'API key');
}
