import { useGetIdentity, usePermissions } from 'react-admin';
import type { MetricValue } from '@tandem/contracts';
import type { TandemPermissions } from '../../providers/authProvider';

/**
 * Who may change a value (the API's rule): staff; a buyer its own reports about a supplier;
 * a firm its own self-reported figures, never what a customer reported about it.
 */
export function useIsReporter(value: Pick<MetricValue, 'organisationId' | 'customerId'> | undefined): boolean {
  const { permissions } = usePermissions<TandemPermissions>();
  const { identity } = useGetIdentity();
  if (!value || !permissions) return false;
  const role = permissions.role;
  if (role === 'consortium_staff' || role === 'platform_admin') return true;
  const own = identity?.organisationId as string | undefined;
  if (!own) return false;
  if (role === 'customer_buyer') return value.customerId === own;
  return value.customerId === null && value.organisationId === own;
}
