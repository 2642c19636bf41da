import type { Role } from './roles';

/**
 * Permission names shared by the API (route guards, OpenAPI) and the console (canAccess,
 * menus). A permission says what a role may attempt; which records it reaches is decided
 * by tenant/firm scoping in the database layer.
 */
export const PERMISSIONS = [
  'consortia.read',
  'consortia.create',
  'consortia.update',
  'organisations.read',
  'organisations.create',
  'organisations.update',
  'organisations.delete',
  'memberships.read',
  'memberships.create',
  'memberships.update',
  'memberships.transition',
  'users.read',
  'users.invite',
  'users.update',
  'role-assignments.read',
  'role-assignments.create',
  'role-assignments.delete',
  'api-keys.read',
  'api-keys.create',
  'api-keys.revoke',
  'audit-events.read',
  'outbox.read',
  'queues.admin',
  'dashboard.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const FIRM_READ: Permission[] = ['consortia.read', 'organisations.read', 'memberships.read', 'users.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  platform_admin: PERMISSIONS,
  consortium_staff: PERMISSIONS.filter((p) => p !== 'consortia.create'),
  firm_admin: [
    ...FIRM_READ,
    'organisations.update',
    'users.invite',
    'users.update',
    'role-assignments.read',
    'role-assignments.create',
    'role-assignments.delete',
    'api-keys.read',
    'api-keys.create',
    'api-keys.revoke',
    'audit-events.read',
  ],
  firm_contributor: [...FIRM_READ],
  customer_buyer: [...FIRM_READ],
  union_representative: [...FIRM_READ],
  trainer: [...FIRM_READ],
  funder: ['consortia.read', 'organisations.read', 'dashboard.read'],
};

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles that hold a permission, for OpenAPI descriptions and the console. */
export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].includes(permission));
}
