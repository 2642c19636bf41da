import type { Role } from '@tandem/contracts';

/**
 * Who is acting: a signed-in user under one of their role assignments, or an
 * organisation's API key (acting as a firm contributor). Tenant and firm scoping in the
 * database layer is derived from this and nothing else.
 */
export interface Principal {
  kind: 'user' | 'api_key';
  userId: string | null;
  apiKeyId: string | null;
  roleAssignmentId: string | null;
  role: Role;
  consortiumId: string | null;
  organisationId: string | null;
}

export const SYSTEM = Symbol('system');
