import { usePermissions } from 'react-admin';
import type { Permission } from '@tandem/contracts';
import type { TandemPermissions } from '../providers/authProvider';

/** Whether the signed-in role holds a permission (the API decides; this only hides what it would refuse). */
export function useCan(permission: Permission): boolean {
  const { permissions } = usePermissions<TandemPermissions>();
  return permissions?.permissions.includes(permission) ?? false;
}
