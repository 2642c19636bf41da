import { useGetIdentity, usePermissions } from 'react-admin';
import type { MetricValue } from '@tandem/contracts';
import { isReporterOf } from '@tandem/domain';
import type { TandemPermissions } from '../../providers/authProvider';

/** Who may change a value: the API's rule itself (isReporterOf, libs/domain). */
export function useIsReporter(value: Pick<MetricValue, 'organisationId' | 'customerId'> | undefined): boolean {
  const { permissions } = usePermissions<TandemPermissions>();
  const { identity } = useGetIdentity();
  if (!value || !permissions) return false;
  return isReporterOf({ role: permissions.role, organisationId: (identity?.organisationId as string | undefined) ?? null }, value);
}
