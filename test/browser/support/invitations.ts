import { Client } from 'pg';
import type { Invitation, Organisation, TokenPair } from '@tandem/contracts';
import { apiGet, apiLogin, type Harness } from './harness';

/**
 * The invitation link sent to `email`, pointed at the console under test. Tests have no
 * mailbox and nobody may read an invitation's text through the API (not even staff in the
 * outbox), so the link is read where the mailer would read it: the outbox table.
 */
export async function invitationLink(harness: Harness, email: string): Promise<string> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ text: string | null }>(
      `SELECT text FROM "OutboxMessage" WHERE "to" = $1 AND sensitive ORDER BY "createdAt" DESC, id DESC LIMIT 1`,
      [email.toLowerCase()],
    );
    const token = /accept-invite\?token=([^\s]+)/.exec(rows[0]?.text ?? '')?.[1];
    if (!token) throw new Error(`no invitation link was sent to ${email}`);
    return `${harness.baseUrl}/#/accept-invite?token=${token}`;
  } finally {
    await client.end();
  }
}

async function apiPost<T>(harness: Harness, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${harness.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} failed: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export async function organisationNamed(harness: Harness, token: string, name: string): Promise<Organisation> {
  const filter = encodeURIComponent(JSON.stringify({ q: name }));
  const found = (await apiGet<Organisation[]>(harness, token, `/api/organisations?filter=${filter}`)).find((o) => o.name === name);
  if (!found) throw new Error(`no organisation ${name}`);
  return found;
}

/** Send an invitation as `inviter` (set-up through the API, not the journey under test). */
export async function sendInvitation(
  harness: Harness,
  inviter: { email: string; password: string },
  body: { email: string; name: string; role: string; organisationId?: string },
): Promise<Invitation> {
  const token = await apiLogin(harness, inviter.email, inviter.password);
  return apiPost<Invitation>(harness, '/api/invitations', body, token);
}

/**
 * A fresh person with an account and one role, as it happens in production: invited, then
 * accepting the e-mailed link with a password of their own.
 */
export async function invitedPerson(
  harness: Harness,
  inviter: { email: string; password: string },
  body: { email: string; name: string; role: string; organisationId?: string },
  password: string,
): Promise<TokenPair> {
  await sendInvitation(harness, inviter, body);
  const link = await invitationLink(harness, body.email);
  const token = decodeURIComponent(new URL(link.replace('/#/', '/')).searchParams.get('token') ?? '');
  return apiPost<TokenPair>(harness, '/api/auth/accept-invite', { token, password });
}
