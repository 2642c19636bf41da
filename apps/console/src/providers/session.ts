import type { SessionUser, TokenPair } from '@tandem/contracts';

/**
 * The signed-in session, kept in localStorage so a reload or a second tab stays signed in.
 * One module owns the keys so the auth provider and the HTTP client never disagree.
 */
const ACCESS = 'tandem.accessToken';
const REFRESH = 'tandem.refreshToken';
const USER = 'tandem.user';

export function getAccessToken(): string | null {
  return localStorage.getItem(ACCESS);
}

export function getRefreshToken(): string | null {
  return localStorage.getItem(REFRESH);
}

export function getSessionUser(): SessionUser | null {
  const raw = localStorage.getItem(USER);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SessionUser;
  } catch {
    return null;
  }
}

export function saveSession(pair: Pick<TokenPair, 'accessToken' | 'refreshToken'> & { user?: SessionUser }): void {
  localStorage.setItem(ACCESS, pair.accessToken);
  localStorage.setItem(REFRESH, pair.refreshToken);
  if (pair.user) localStorage.setItem(USER, JSON.stringify(pair.user));
}

export function saveSessionUser(user: SessionUser): void {
  localStorage.setItem(USER, JSON.stringify(user));
}

export function clearSession(): void {
  localStorage.removeItem(ACCESS);
  localStorage.removeItem(REFRESH);
  localStorage.removeItem(USER);
}

let refreshing: Promise<boolean> | null = null;

/**
 * Exchange the refresh token for a new pair. Refresh tokens are single-use (rotation, and
 * reuse revokes the whole family), so concurrent 401s must share one refresh request.
 */
export function refreshSession(): Promise<boolean> {
  if (refreshing) return refreshing;
  const refreshToken = getRefreshToken();
  if (!refreshToken) return Promise.resolve(false);
  refreshing = fetch('/api/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ refreshToken }),
  })
    .then(async (response) => {
      if (!response.ok) {
        clearSession();
        return false;
      }
      saveSession((await response.json()) as TokenPair);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}
