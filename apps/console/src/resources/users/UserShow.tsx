import PersonAdd from '@mui/icons-material/PersonAdd';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  CreateButton,
  DataTable,
  EditButton,
  EmailField,
  Labeled,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import type { User } from '@tandem/contracts';
import { roleChoices } from '../../common/choices';
import { StatusChip } from '../../common/StatusChip';
import type { TandemPermissions } from '../../providers/authProvider';
import { RoleAssignmentActions } from '../role-assignments/RoleAssignmentActions';
import { DateTimeField } from '../../common/DateFields';

/** Another role for the same person goes through an invitation too: they accept it themselves. */
function InviteToRoleButton() {
  const user = useRecordContext<User>();
  if (!user) return null;
  return <CreateButton resource="invitations" label="Invite to a role" icon={<PersonAdd />} state={{ record: { name: user.name, email: user.email } }} />;
}

/** EditButton renders only with users.update (the platform admin); firm admins and staff see none. */
function UserShowActions() {
  return (
    <TopToolbar>
      <InviteToRoleButton />
      <EditButton />
    </TopToolbar>
  );
}

function DisabledNotice() {
  const user = useRecordContext<User>();
  if (user?.status !== 'disabled') return null;
  return (
    <Alert severity="warning" sx={{ maxWidth: 800 }}>
      This account is disabled: its owner cannot sign in under any role.
    </Alert>
  );
}

function NoRoles() {
  return (
    <Typography variant="body2" color="text.secondary">
      No role within your scope.
    </Typography>
  );
}

export function UserShow() {
  const { permissions } = usePermissions<TandemPermissions>();
  const platform = permissions?.role === 'platform_admin';
  return (
    <Show actions={<UserShowActions />}>
      <SimpleShowLayout>
        <DisabledNotice />
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Labeled label="Name">
            <TextField source="name" />
          </Labeled>
          <Labeled label="Email">
            <EmailField source="email" />
          </Labeled>
          <Labeled label="Account">
            <StatusChip source="status" />
          </Labeled>
          <Labeled label="Last sign-in">
            <DateTimeField source="lastLoginAt" emptyText="never" />
          </Labeled>
          <Labeled label="Created">
            <DateTimeField source="createdAt" />
          </Labeled>
        </Box>
        <Typography variant="h6" sx={{ mt: 1 }}>
          Roles
        </Typography>
        <ReferenceManyField reference="role-assignments" target="userId" label={false} sort={{ field: 'createdAt', order: 'ASC' }} empty={<NoRoles />}>
          <DataTable bulkActionButtons={false} rowClick={false} data-testid="user-roles">
            <DataTable.Col source="role">
              <SelectField source="role" choices={roleChoices} />
            </DataTable.Col>
            <DataTable.Col source="organisationId" disableSort label="Organisation">
              <ReferenceField source="organisationId" reference="organisations" emptyText="—" />
            </DataTable.Col>
            {platform && (
              <DataTable.Col source="consortiumId" disableSort label="Consortium">
                <ReferenceField source="consortiumId" reference="consortia" link={false} emptyText="all" />
              </DataTable.Col>
            )}
            <DataTable.Col source="status">
              <StatusChip source="status" />
            </DataTable.Col>
            <DataTable.Col source="createdAt" label="Since" field={DateTimeField} />
            <DataTable.Col label="" disableSort>
              <RoleAssignmentActions />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
