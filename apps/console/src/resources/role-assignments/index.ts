import type { ResourceProps } from 'react-admin';
import { ROLE_LABELS, type RoleAssignment } from '@tandem/contracts';
import AdminPanelSettings from '@mui/icons-material/AdminPanelSettings';
import { RoleAssignmentList } from './RoleAssignmentList';

/**
 * Role assignments come only from accepted invitations; in one's scope they are suspended,
 * reactivated or revoked from the list or the person's page, never edited otherwise.
 */
export const roleAssignments: ResourceProps = {
  name: 'role-assignments',
  list: RoleAssignmentList,
  icon: AdminPanelSettings,
  recordRepresentation: (record: RoleAssignment) => ROLE_LABELS[record.role],
};
