import PersonAdd from '@mui/icons-material/PersonAdd';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CreateButton, DataTable, FilterButton, List, ReferenceField, SelectField, TopToolbar, usePermissions } from 'react-admin';
import { ROLE_LABELS, type Invitation } from '@tandem/contracts';
import { humanize, roleChoices } from '../../common/choices';
import { formatDateTime } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';
import { StatusChip } from '../../common/StatusChip';
import type { TandemPermissions } from '../../providers/authProvider';
import { useInvitationFilters } from './InvitationFilters';
import { RevokeInvitationButton } from './RevokeInvitationButton';
import { DateTimeField } from '../../common/DateFields';

export function InviteButton() {
  return <CreateButton resource="invitations" label="Invite a person" icon={<PersonAdd />} />;
}

function InvitationListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <InviteButton />
    </TopToolbar>
  );
}

function NoInvitations() {
  return (
    <Box sx={{ textAlign: 'center', m: 'auto', py: 8 }} data-testid="list-empty">
      <Typography variant="h6" gutterBottom>
        No invitations yet
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        People get a role in Tandem by accepting an invitation.
      </Typography>
      <InviteButton />
    </Box>
  );
}

export function InvitationList() {
  const { permissions } = usePermissions<TandemPermissions>();
  const platform = permissions?.role === 'platform_admin';
  const filters = useInvitationFilters();
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<InvitationListActions />} empty={<NoInvitations />}>
      {/* On a phone an invitation is revoked from its page. */}
      <ResponsiveList<Invitation>
        rowClick="show"
        primaryText={(i) => i.name || i.email}
        secondaryText={(i) => (
          <>
            {i.name ? `${i.email} · ` : ''}
            {ROLE_LABELS[i.role]}
            {i.organisationId ? ', ' : ''}
            <ReferenceField source="organisationId" reference="organisations" link={false} emptyText="" />
            {i.status === 'pending' ? ` · expires ${formatDateTime(i.expiresAt)}` : ` · sent ${formatDateTime(i.createdAt)}`}
          </>
        )}
        tertiaryText={(i) => humanize(i.status)}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" disableSort />
          <DataTable.Col source="email" />
          <DataTable.Col source="role">
            <SelectField source="role" choices={roleChoices} />
          </DataTable.Col>
          <DataTable.Col source="organisationId" disableSort label="Organisation">
            <ReferenceField source="organisationId" reference="organisations" link={false} emptyText="—" />
          </DataTable.Col>
          {platform && (
            <DataTable.Col source="consortiumId" disableSort label="Consortium">
              <ReferenceField source="consortiumId" reference="consortia" link={false} emptyText="—" />
            </DataTable.Col>
          )}
          <DataTable.Col source="status">
            <StatusChip source="status" />
          </DataTable.Col>
          <DataTable.Col source="createdAt" label="Sent">
            <DateTimeField source="createdAt" />
          </DataTable.Col>
          <DataTable.Col source="expiresAt" label="Expires">
            <DateTimeField source="expiresAt" />
          </DataTable.Col>
          <DataTable.Col label="" disableSort>
            <RevokeInvitationButton />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
