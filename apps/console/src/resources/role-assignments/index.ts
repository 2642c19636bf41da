import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import { ROLE_LABELS, type RoleAssignment } from '@tandem/contracts';
import AdminPanelSettings from '@mui/icons-material/AdminPanelSettings';

/**
 * Role assignments come only from accepted invitations; in one's scope they are suspended,
 * reactivated or revoked from the list or the person's page, never edited otherwise.
 */
export const roleAssignments: ResourceProps = {
  name: 'role-assignments',
  list: lazyView(() => import('./RoleAssignmentList').then((m) => m.RoleAssignmentList)),
  icon: AdminPanelSettings,
  recordRepresentation: (record: RoleAssignment) => ROLE_LABELS[record.role],
};
