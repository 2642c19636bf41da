import type { Permission } from './permissions';
import type { Role } from './roles';

export interface LoginRequest {
  email: string;
  password: string;
  /** choose which of the user's role assignments the session acts under */
  roleAssignmentId?: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  roleAssignmentId: string;
  consortiumId: string | null;
  organisationId: string | null;
  permissions: Permission[];
  assignments: { id: string; role: Role; consortiumId: string | null; organisationId: string | null }[];
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** seconds until the access token expires */
  expiresIn: number;
  user: SessionUser;
}

export const API_KEY_PREFIX = 'tdm_';
