import type { ResourceProps } from 'react-admin';
import { ROLE_LABELS, type RoleAssignment } from '@tandem/contracts';
import AdminPanelSettings from '@mui/icons-material/AdminPanelSettings';
import { RoleAssignmentList } from './RoleAssignmentList';

/** Role assignments are granted and withdrawn, never edited. */
export const roleAssignments: ResourceProps = {
  name: 'role-assignments',
  list: RoleAssignmentList,
  icon: AdminPanelSettings,
  recordRepresentation: (record: RoleAssignment) => ROLE_LABELS[record.role],
};
