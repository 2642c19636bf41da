import { fetchUtils, HttpError } from 'react-admin';
import { PROBLEM_CONTENT_TYPE } from '@tandem/contracts';
import { getAccessToken, refreshSession } from './session';
import { asProblem, problemMessage, toFormErrors } from './problem';

/** Public auth routes: a 401 there is an answer, not an expired token. */
const NO_RETRY = ['/api/auth/login', '/api/auth/refresh', '/api/auth/accept-invite', '/api/auth/invitation-preview', '/api/auth/decline-invite'];

type FetchResult = Awaited<ReturnType<typeof fetchUtils.fetchJson>>;

function withAuth(options: fetchUtils.Options = {}): fetchUtils.Options {
  const headers = new Headers(options.headers ?? { Accept: `application/json, ${PROBLEM_CONTENT_TYPE}` });
  const token = getAccessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return { ...options, headers };
}

/**
 * Re-throw API errors with the problem's `detail` as the message (what notifications show)
 * and its field errors in the shape react-admin forms understand.
 */
function toHttpError(error: unknown): unknown {
  if (!(error instanceof HttpError)) return error;
  const problem = asProblem(error.body);
  if (!problem) return error;
  const body = { ...problem, errors: toFormErrors(problem.errors) };
  return new HttpError(problemMessage(problem, error.message), error.status, body);
}

/**
 * fetchJson with the bearer token. An expired access token answers 401: refresh once,
 * silently, and retry; a second 401 goes to the auth provider's checkError (logout).
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}): Promise<FetchResult> {
  try {
    return await fetchUtils.fetchJson(url, withAuth(options));
  } catch (error) {
    if (error instanceof HttpError && error.status === 401 && !NO_RETRY.some((path) => url.startsWith(path))) {
      if (await refreshSession()) {
        try {
          return await fetchUtils.fetchJson(url, withAuth(options));
        } catch (retryError) {
          throw toHttpError(retryError);
        }
      }
    }
    throw toHttpError(error);
  }
}
