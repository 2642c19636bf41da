import { DEMO_PASSWORD } from '../prisma/seed/demo-accounts';

/** Shared by the benchmarks: settings from the environment, loopback-only targets, a staff session. */

export const STAFF_EMAIL = 'staff.admin@glmp.demo';

export function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

/** Load is only ever sent to this machine. */
export function assertLoopback(url: string, name: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`${name} must point at 127.0.0.1, not ${host}`);
}

/** An access token of the glmp staff demo account. */
export async function login(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: STAFF_EMAIL, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login as ${STAFF_EMAIL} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accessToken?: unknown };
  if (typeof body.accessToken !== 'string') throw new Error('login returned no accessToken');
  return body.accessToken;
}
