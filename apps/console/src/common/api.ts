import { HttpError } from 'react-admin';
import { httpClient } from '../providers/httpClient';

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

/** Download a file the API serves behind the bearer token (a plain link cannot carry it). */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const { body, headers } = await httpClient(url, { headers: new Headers({ Accept: 'text/csv' }) });
  const disposition = headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const blob = new Blob([body], { type: headers.get('Content-Type') ?? 'text/csv' });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
