import { HttpError } from 'react-admin';
import { PROBLEM_CONTENT_TYPE } from '@tandem/contracts';
import { httpClient } from '../providers/httpClient';
import { getAccessToken, refreshSession } from '../providers/session';

/**
 * Calls outside react-admin's CRUD verbs (submit, validate-many, close, commit...). They go
 * through the same httpClient, so the token refresh and problem+json handling apply.
 */
export async function postJson<T>(url: string, body: unknown = {}): Promise<T> {
  const { json } = await httpClient(url, { method: 'POST', body: JSON.stringify(body) });
  return json as T;
}

export async function sendJson<T>(method: 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const { json } = await httpClient(url, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return json as T;
}

/** The sentence to show for a failed call (the problem's detail, see httpClient). */
export function errorMessage(error: unknown, fallback = 'The request failed'): string {
  if (error instanceof HttpError || error instanceof Error) return error.message || fallback;
  return fallback;
}

/** Field errors of a failed call, keyed by field ({value: "OTD must be between 0 and 100 %; got 120"}). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof HttpError)) return {};
  const body = error.body as { errors?: unknown } | undefined;
  const errors = body?.errors;
  if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return {};
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors as Record<string, unknown>)) if (typeof message === 'string') out[field] = message;
  return out;
}

/** Hand a file to the browser's downloads (a plain link cannot carry the bearer token). */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** The file name the API gave in Content-Disposition, or the fallback. */
function attachmentName(headers: Headers, fallbackName: string): string {
  return /filename="?([^";]+)"?/.exec(headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
}

/** Download a text file the API serves behind the bearer token. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const { body, headers } = await httpClient(url, { headers: new Headers({ Accept: 'text/csv' }) });
  saveBlob(new Blob([body], { type: headers.get('Content-Type') ?? 'text/csv' }), attachmentName(headers, fallbackName));
}

/**
 * A GET whose answer is not JSON (a PDF) or whose status matters beyond ok/failed (202, 404):
 * the raw Response, with the bearer token and one silent refresh of an expired one.
 */
export async function fetchRaw(url: string, accept: string): Promise<Response> {
  const send = () => {
    const headers = new Headers({ Accept: `${accept}, application/json, ${PROBLEM_CONTENT_TYPE}` });
    const token = getAccessToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return fetch(url, { headers });
  };
  const response = await send();
  if (response.status === 401 && (await refreshSession())) return send();
  return response;
}

/** Save the body of a Response as a file, named as the API named it. */
export async function saveResponse(response: Response, fallbackName: string): Promise<void> {
  saveBlob(await response.blob(), attachmentName(response.headers, fallbackName));
}
