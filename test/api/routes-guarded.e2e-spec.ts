import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { PERMISSIONS } from '@tandem/contracts';
import { ANY_ROLE, IS_PUBLIC, PERMISSION } from '../../apps/api/src/common/decorators';
import { call, startApi, type TestApi } from './support/api';
import { EMAIL, expectProblem, session } from './support/fixtures';

/**
 * Guarded by default: every handler of the Nest app must say who may call it — public, a
 * permission, or any signed-in principal. A handler that says nothing is refused at run
 * time (AccessGuard), but it is a mistake, and this test names it. Public routes are listed
 * here one by one: a new public route fails until it is added on purpose.
 */
const EXPECTED_PUBLIC = [
  'GET /health',
  'GET /health/ready',
  // takes the scraper's METRICS_TOKEN instead of a user's token (404 when none is configured)
  'GET /metrics',
  'POST /api/auth/accept-invite',
  'POST /api/auth/decline-invite',
  'POST /api/auth/invitation-preview',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
];

interface Route {
  /** `METHOD /path/:param` as served (global prefix applied) */
  key: string;
  controller: string;
  handler: string;
  isPublic: boolean;
  permission: string | undefined;
  anyRole: boolean;
}

type OpenApiOperation = {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  'x-permission'?: string;
  'x-roles'?: unknown;
  'x-public'?: boolean;
};
type OpenApi = { paths: Record<string, Record<string, OpenApiOperation>> };

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function join(...parts: string[]): string {
  return '/' + parts.flatMap((p) => p.split('/')).filter(Boolean).join('/');
}

describe('every route is guarded', () => {
  let api: TestApi;
  let routes: Route[];
  let docs: OpenApi;
  let documented: Map<string, OpenApiOperation>;

  beforeAll(async () => {
    api = await startApi();
    docs = (await call(api, 'GET', '/api/docs-json')).body as OpenApi;
    documented = new Map(
      Object.entries(docs.paths).flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([m]) => HTTP_METHODS.includes(m))
          .map(([m, op]) => [`${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, op] as const),
      ),
    );

    // Every controller method of every module, read from Nest's own metadata.
    const scanner = new MetadataScanner();
    routes = [];
    for (const mod of api.app.get(ModulesContainer).values()) {
      for (const wrapper of mod.controllers.values()) {
        const ctrl = wrapper.metatype as Type | null;
        if (!ctrl) continue;
        const basePaths = [Reflect.getMetadata(PATH_METADATA, ctrl) as string | string[] | undefined].flat().map((p) => p ?? '');
        const proto = ctrl.prototype as Record<string, unknown>;
        for (const name of scanner.getAllMethodNames(proto)) {
          const handler = proto[name] as object;
          const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
          if (paths === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
          const meta = <T>(key: string): T | undefined => (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, ctrl) as T | undefined);
          for (const base of basePaths) {
            for (const path of [paths].flat()) {
              const bare = join(base, path);
              // the global prefix `api` applies to all but the operations routes (bootstrap.ts); the
              // served path is whichever of the two the OpenAPI document knows
              const key = [`${method} ${join('api', bare)}`, `${method} ${bare}`].find((k) => documented.has(k)) ?? `${method} ${join('api', bare)}`;
              routes.push({
                key,
                controller: ctrl.name,
                handler: name,
                isPublic: meta<boolean>(IS_PUBLIC) === true,
                permission: meta<string>(PERMISSION),
                anyRole: meta<boolean>(ANY_ROLE) === true,
              });
            }
          }
        }
      }
    }
  }, 30_000);

  afterAll(async () => {
    await api?.close();
  });

  it('finds the routes (the discovery itself works)', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((r) => r.key)).toEqual(expect.arrayContaining(['GET /api/organisations/:id', 'POST /api/auth/login', 'GET /health']));
  });

  it('every handler is public, names a permission, or admits any signed-in principal', () => {
    const unmarked = routes.filter((r) => !r.isPublic && !r.permission && !r.anyRole).map((r) => `${r.key} (${r.controller}.${r.handler})`);
    expect(unmarked).toEqual([]);
    // and never two marks at once, which would make the intent ambiguous
    const ambiguous = routes.filter((r) => [r.isPublic, !!r.permission, r.anyRole].filter(Boolean).length > 1).map((r) => r.key);
    expect(ambiguous).toEqual([]);
    // a declared permission is one the contracts know
    const unknown = routes.filter((r) => r.permission && !(PERMISSIONS as readonly string[]).includes(r.permission)).map((r) => `${r.key}: ${r.permission}`);
    expect(unknown).toEqual([]);
  });

  it('the public routes are exactly the expected ones', () => {
    expect(routes.filter((r) => r.isPublic).map((r) => r.key).sort()).toEqual([...EXPECTED_PUBLIC].sort());
  });

  it('the OpenAPI document lists every route, and nothing else', () => {
    const served = new Set(routes.map((r) => r.key));
    expect(routes.map((r) => r.key).filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented.keys()].filter((k) => !served.has(k))).toEqual([]);
  });

  it('every documented operation has a response schema and says who may call it', () => {
    const problems: string[] = [];
    for (const [key, op] of documented) {
      const route = routes.find((r) => r.key === key);
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) problems.push(`${key}: no 2xx response documented`);
      for (const [status, response] of success) {
        if (status === '204') continue; // no content, no schema
        const schemas = Object.values(response.content ?? {}).filter((c) => c.schema !== undefined);
        if (schemas.length === 0) problems.push(`${key}: ${status} response has no schema`);
      }
      if (route?.isPublic) {
        if (op['x-public'] !== true) problems.push(`${key}: public but not marked x-public`);
      } else if (op['x-permission'] === undefined && op['x-roles'] === undefined) {
        problems.push(`${key}: neither x-permission nor x-roles`);
      }
      if (route?.permission && op['x-permission'] !== route.permission) problems.push(`${key}: x-permission ${String(op['x-permission'])} ≠ guard's ${route.permission}`);
    }
    expect(problems).toEqual([]);
  });

  it('every non-public route answers 401 problem+json without credentials', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => !x.isPublic)) {
      const [method, path] = r.key.split(' ') as [string, string];
      const url = path.replace(/:(\w+)/g, '0190f0f0-0000-7000-8000-000000000000');
      const res = await call(api, method, url, { body: method === 'GET' || method === 'DELETE' ? undefined : {} });
      if (res.status !== 401 || !res.contentType.startsWith('application/problem+json')) wrong.push(`${r.key} → ${res.status} ${res.contentType}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the queue board (Express middleware, not a Nest route) is guarded too: a board session cookie, platform admins only', async () => {
    expectProblem(await call(api, 'GET', '/api/queues'), 401);
    // an access token is not a board session, neither as a bearer header nor in the URL
    expectProblem(await call(api, 'GET', '/api/queues', { token: await session(api, EMAIL.platform) }), 401);
    expectProblem(await call(api, 'GET', `/api/queues?token=${await session(api, EMAIL.platform)}`), 401);
    expectProblem(await call(api, 'POST', '/api/queue-board/session', { token: await session(api, EMAIL.staff), body: {} }), 403);
    const opened = await call(api, 'POST', '/api/queue-board/session', { token: await session(api, EMAIL.platform), body: {} });
    expect(opened.status).toBe(204);
    const cookie = opened.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tandem_board=[^;]+;.*Path=\/api\/queues/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const board = await call(api, 'GET', '/api/queues', { headers: { cookie: cookie.split(';')[0]! } });
    expect(board.status).toBe(200);
  });

  it('GET /health/ready is 200 with PostgreSQL and Redis up', async () => {
    const res = await call(api, 'GET', '/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { postgresql: { status: 'up' }, redis: { status: 'up' } } });
    expect((await call(api, 'GET', '/health')).body).toEqual({ status: 'ok' });
  });

  it('GET /metrics is Prometheus text with request latency by route template and queue depths', async () => {
    const token = await session(api, EMAIL.staff);
    await call(api, 'GET', '/api/organisations/0190f0f0-0000-7000-8000-000000000000', { token });
    expectProblem(await call(api, 'GET', '/metrics'), 401);
    expectProblem(await call(api, 'GET', '/metrics', { token }), 401);
    const res = await call(api, 'GET', '/metrics', { token: process.env.METRICS_TOKEN });
    expect(res.status).toBe(200);
    expect(res.contentType).toContain('text/plain');
    const text = res.body as string;
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/api\/organisations\/:id"/);
    expect(text).toContain('# TYPE tandem_queue_jobs gauge');
    expect(text).toMatch(/tandem_queue_jobs\{queue="email",state="waiting"\} \d+/);
  });
});
