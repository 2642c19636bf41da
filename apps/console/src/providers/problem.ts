import type { Problem, ProblemFieldError } from '@tandem/contracts';

/** Narrow an unknown JSON body to RFC 9457 problem details. */
export function asProblem(body: unknown): Problem | null {
  if (typeof body !== 'object' || body === null) return null;
  const candidate = body as Partial<Problem>;
  if (typeof candidate.status !== 'number' && typeof candidate.title !== 'string') return null;
  return candidate as Problem;
}

/** The form field a problem's error path names: "naicsCode", "/naicsCode" or "body.naicsCode". */
export function fieldOf(path: string): string {
  return path.replace(/^\//, '').replace(/\//g, '.').replace(/^body\./, '');
}

/**
 * react-admin maps `body.errors` ({field: message}) to per-field form errors on create and
 * edit; problem+json names them as a list of {path, message}.
 */
export function toFormErrors(errors: ProblemFieldError[] | undefined): Record<string, string> | undefined {
  if (!errors || errors.length === 0) return undefined;
  const mapped: Record<string, string> = {};
  for (const { path, message } of errors) {
    const field = fieldOf(path) || 'root.serverError';
    mapped[field] = mapped[field] ? `${mapped[field]}; ${message}` : message;
  }
  return mapped;
}

/** The sentence a person should read for a failed request. */
export function problemMessage(problem: Problem | null, fallback: string): string {
  if (!problem) return fallback;
  return problem.detail || problem.title || fallback;
}
