import { useQuery } from '@tanstack/react-query';
import { HttpError } from 'react-admin';
import type { MyInvitation, Profile } from '@tandem/contracts';
import { httpClient } from '../providers/httpClient';

/** /api/profile is the person's own account, outside react-admin's resources: plain queries. */
export const PROFILE_KEY = ['profile'] as const;
export const MY_INVITATIONS_KEY = ['profile', 'invitations'] as const;

export async function profileRequest<T>(path: string, method: 'GET' | 'POST' | 'PATCH' = 'GET', body?: unknown): Promise<T> {
  const { json } = await httpClient(`/api/profile${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return json as T;
}

export function useProfile() {
  return useQuery({ queryKey: PROFILE_KEY, queryFn: () => profileRequest<Profile>('') });
}

/** Pending invitations to my address; the app bar shows their count, so it is kept a minute. */
export function useMyInvitations({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: MY_INVITATIONS_KEY, queryFn: () => profileRequest<MyInvitation[]>('/invitations'), staleTime: 60_000, enabled });
}

/** The sentence to show for a failed call (httpClient puts the problem's detail in the message). */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}

/** Per-field messages of a failed call ({currentPassword: "is not your current password"}). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof HttpError)) return {};
  const errors = (error.body as { errors?: unknown } | undefined)?.errors;
  if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return {};
  return Object.fromEntries(Object.entries(errors as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
