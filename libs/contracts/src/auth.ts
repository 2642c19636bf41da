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

/** One of the roles a person holds, as their profile shows it. */
export interface ProfileRole {
  id: string;
  role: Role;
  consortiumId: string | null;
  consortiumName: string | null;
  organisationId: string | null;
  organisationName: string | null;
  status: 'active' | 'suspended';
  /** the role this session acts under */
  current: boolean;
}

/** The signed-in person's own account: what they may change themselves. */
export interface Profile {
  id: string;
  email: string;
  name: string;
  lastLoginAt: string | null;
  roles: ProfileRole[];
}

export const API_KEY_PREFIX = 'tdm_';
