import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD } from '../../../prisma/seed/demo-accounts';

/** The real API, configured as in production, listening on a free port of 127.0.0.1. */
export interface TestApi {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

export async function startApi(): Promise<TestApi> {
  process.env.LOG_LEVEL ??= 'silent';
  // Imported late so the environment of the global setup is read by the config.
  const { createApp } = await import('../../../apps/api/src/bootstrap');
  const app = await createApp();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/**
 * An API configured with some variables changed (low limits, a missing token…). The
 * configuration is read once, while the app is created; the environment is restored right
 * after, so the other test files of the run never see the change.
 */
export async function startApiWith(env: Record<string, string | undefined>): Promise<TestApi> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>): void => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(env);
  try {
    return await startApi();
  } finally {
    apply(saved);
  }
}

export interface Call {
  status: number;
  headers: Headers;
  body: unknown;
  contentType: string;
}

export async function call(api: TestApi, method: string, path: string, opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Call> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers['Authorization'] = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.raw !== undefined) {
    body = opts.raw;
    headers['Content-Type'] ??= 'application/json';
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  return readCall(await fetch(`${api.url}${path}`, { method, headers, body }));
}

/** A fetch answer as a Call: the body parsed when it is JSON, kept as text otherwise. */
export async function readCall(res: Response): Promise<Call> {
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, headers: res.headers, body: parsed, contentType: res.headers.get('content-type') ?? '' };
}

const tokens = new Map<string, string>();

/** Access token of a demo account (cached per test file). */
export async function tokenFor(api: TestApi, email: string, password = DEMO_PASSWORD): Promise<string> {
  const cached = tokens.get(`${api.url}|${email}`);
  if (cached) return cached;
  const res = await call(api, 'POST', '/api/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token = (res.body as { accessToken: string }).accessToken;
  tokens.set(`${api.url}|${email}`, token);
  return token;
}

export function q(params: Record<string, unknown>): string {
  return '?' + Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`).join('&');
}
