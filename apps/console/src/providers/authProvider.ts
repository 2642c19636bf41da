import type { AuthProvider } from 'react-admin';
import { HttpError } from 'react-admin';
import type { LoginRequest, Permission, Role, TokenPair } from '@tandem/contracts';
import { allows } from './canAccess';
import { httpClient } from './httpClient';
import { asProblem, problemMessage } from './problem';
import { clearSession, getAccessToken, getRefreshToken, getSessionUser, refreshSession, saveSession } from './session';

/** See getPermissions. */
const SIGNED_OUT_PERMISSIONS_DELAY_MS = 50;

export interface TandemPermissions {
  role: Role;
  permissions: Permission[];
}

async function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

async function failure(response: Response, fallback: string): Promise<Error> {
  const body: unknown = await response.json().catch(() => null);
  return new HttpError(problemMessage(asProblem(body), fallback), response.status, body);
}

/**
 * Revoke this browser's session (its refresh-token family) on the server, if there is one;
 * best effort: the local session is forgotten or replaced either way.
 */
export async function revokeSession(): Promise<void> {
  const refreshToken = getRefreshToken();
  if (!refreshToken || !getAccessToken()) return;
  await httpClient('/api/auth/logout', { method: 'POST', body: JSON.stringify({ refreshToken }) }).catch(() => undefined);
}

/** Sign in again as the same person under another of their roles (login needs the password). */
export async function loginAs(request: LoginRequest): Promise<TokenPair> {
  const response = await postJson('/api/auth/login', request);
  if (!response.ok) throw await failure(response, 'Invalid email or password');
  return (await response.json()) as TokenPair;
}

export const authProvider: AuthProvider = {
  async login({ username, email, password }: { username?: string; email?: string; password: string }) {
    const request: LoginRequest = { email: (email ?? username ?? '').trim(), password };
    const response = await postJson('/api/auth/login', request);
    if (!response.ok) throw await failure(response, 'Invalid email or password');
    saveSession((await response.json()) as TokenPair);
  },

  async logout() {
    await revokeSession();
    clearSession();
  },

  async checkAuth() {
    // Signed out is not an error: react-admin shows the login page, and `message: false`
    // keeps it from also raising a "Not signed in" notification that outlives the sign-in.
    if (!getAccessToken() || !getSessionUser()) throw Object.assign(new Error('Not signed in'), { message: false });
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      if (await refreshSession()) return;
      clearSession();
      throw new Error('Your session has expired');
    }
    // 403: the user stays signed in; the page shows the API's explanation.
  },

  async getIdentity() {
    const user = getSessionUser();
    if (!user) throw new Error('Not signed in');
    return { id: user.id, fullName: user.name, email: user.email, role: user.role, organisationId: user.organisationId };
  },

  async getPermissions(): Promise<TandemPermissions | undefined> {
    const user = getSessionUser();
    if (user) return { role: user.role, permissions: user.permissions };
    // Signed out, an answer at once let react-admin's logout (LogoutOnMount on "/") reset its
    // store before it navigated to the login page, remount itself and navigate again: Chrome
    // throttled the hundreds of navigations and a newcomer saw a blank page for ~10 s
    // (react-admin issue 10764; the workaround its maintainers point to is this short wait).
    await new Promise((resolve) => setTimeout(resolve, SIGNED_OUT_PERMISSIONS_DELAY_MS));
    return undefined;
  },

  async canAccess({ resource, action }: { resource: string; action: string }) {
    return allows(getSessionUser()?.permissions, resource, action);
  },
};
