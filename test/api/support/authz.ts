import { call, type TestApi } from './api';
import { EMAIL, createApiKey, session, uniq } from './fixtures';

/**
 * The roles of the authorization tables, each a demo account: Acme Castings' people for the
 * firm roles (so "own" means Acme's records), glmp's staff, and fvsn's staff for "another
 * consortium". `apiKey` is a key Acme's firm admin makes: it acts as a contributor of Acme.
 */
export const AUTHZ_ROLES = ['platform', 'staff', 'firmAdmin', 'contributor', 'apiKey', 'buyer', 'union', 'trainer', 'funder', 'fvsnStaff'] as const;
export type AuthzRole = (typeof AUTHZ_ROLES)[number];

export const AUTHZ_ACCOUNT: Readonly<Record<Exclude<AuthzRole, 'apiKey'>, string>> = {
  platform: EMAIL.platform,
  staff: EMAIL.staff,
  firmAdmin: EMAIL.acmeAdmin,
  contributor: EMAIL.acmeContributor,
  buyer: EMAIL.buyer,
  union: EMAIL.union,
  trainer: EMAIL.trainer,
  funder: EMAIL.funder,
  fvsnStaff: EMAIL.fvsnStaff,
};

/** A bearer token for each of `roles`, signed in once. */
export async function signInRoles<R extends AuthzRole>(api: TestApi, roles: readonly R[]): Promise<Record<R, string>> {
  const tokens = {} as Record<R, string>;
  for (const role of roles) {
    if (role !== 'apiKey') tokens[role] = await session(api, AUTHZ_ACCOUNT[role as Exclude<AuthzRole, 'apiKey'>]);
  }
  if ((roles as readonly AuthzRole[]).includes('apiKey')) {
    const admin = (tokens as Partial<Record<AuthzRole, string>>).firmAdmin ?? (await session(api, AUTHZ_ACCOUNT.firmAdmin));
    tokens['apiKey' as R] = (await createApiKey(api, admin, { name: uniq('authz') })).key;
  }
  return tokens;
}

/**
 * `METHOD /api/path` of every route the OpenAPI document lists under `pattern`, path
 * parameters as the document writes them (`{id}`) or, with `colon`, as Nest does (`:id`).
 */
export async function documentedRoutes(api: TestApi, pattern: RegExp, { colon = false } = {}): Promise<string[]> {
  const docs = (await call(api, 'GET', '/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(docs.paths)
    .filter(([path]) => pattern.test(path))
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${colon ? path.replace(/\{(\w+)\}/g, ':$1') : path}`),
    )
    .sort();
}
