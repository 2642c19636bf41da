import type { ResourceProps } from 'react-admin';
import { ROLE_LABELS, type RoleAssignment } from '@tandem/contracts';
import AdminPanelSettings from '@mui/icons-material/AdminPanelSettings';
import { RoleAssignmentCreate } from './RoleAssignmentCreate';
import { RoleAssignmentList } from './RoleAssignmentList';

/** Role assignments are granted and withdrawn, never edited. */
export const roleAssignments: ResourceProps = {
  name: 'role-assignments',
  list: RoleAssignmentList,
  create: RoleAssignmentCreate,
  icon: AdminPanelSettings,
  recordRepresentation: (record: RoleAssignment) => ROLE_LABELS[record.role],
};
