import PauseCircleOutlined from '@mui/icons-material/PauseCircleOutlined';
import PlayCircleOutlined from '@mui/icons-material/PlayCircleOutlined';
import RemoveCircleOutlined from '@mui/icons-material/RemoveCircleOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { DeleteButton, UpdateButton, useCanAccess, useRecordContext } from 'react-admin';
import { ROLE_LABELS, type RoleAssignment } from '@tandem/contracts';
import { getSessionUser } from '../../providers/session';

/**
 * Suspend / reactivate and revoke one role, each behind a confirmation. The role the
 * session acts under is marked instead: the API refuses to end it from inside (409).
 */
export function RoleAssignmentActions() {
  const assignment = useRecordContext<RoleAssignment>();
  const update = useCanAccess({ resource: 'role-assignments', action: 'edit' });
  const remove = useCanAccess({ resource: 'role-assignments', action: 'delete' });
  if (!assignment) return null;
  if (assignment.id === getSessionUser()?.roleAssignmentId) {
    return <Chip size="small" label="Your current role" color="primary" variant="outlined" />;
  }
  const role = ROLE_LABELS[assignment.role];
  return (
    <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }} onClick={(e) => e.stopPropagation()}>
      {update.canAccess &&
        (assignment.status === 'active' ? (
          <UpdateButton
            label="Suspend"
            icon={<PauseCircleOutlined />}
            color="warning"
            mutationMode="pessimistic"
            data={{ status: 'suspended' }}
            confirmTitle={`Suspend the role ${role}?`}
            confirmContent="Sessions under this role end at once and it cannot be signed in with until it is reactivated. The person's account and other roles are not affected."
            successMessage="Role suspended"
          />
        ) : (
          <UpdateButton
            label="Reactivate"
            icon={<PlayCircleOutlined />}
            color="success"
            mutationMode="pessimistic"
            data={{ status: 'active' }}
            confirmTitle={`Reactivate the role ${role}?`}
            confirmContent="The person can sign in with this role again."
            successMessage="Role reactivated"
          />
        ))}
      {remove.canAccess && (
        <DeleteButton
          label="Revoke"
          icon={<RemoveCircleOutlined />}
          mutationMode="pessimistic"
          redirect={false}
          confirmTitle={`Revoke the role ${role}?`}
          confirmContent="The role is removed and sessions under it end at once. To give it back, send a new invitation."
          successMessage="Role revoked"
        />
      )}
    </Box>
  );
}
