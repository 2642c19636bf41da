import Replay from '@mui/icons-material/Replay';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { CreateButton, EmailField, Labeled, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import type { Invitation } from '@tandem/contracts';
import { roleChoices } from '../../common/choices';
import { formatDateTime } from '../../common/formatDate';
import { StatusChip } from '../../common/StatusChip';
import { RevokeInvitationButton } from './RevokeInvitationButton';
import { DateTimeField } from '../../common/DateFields';

function InvitationTitle() {
  const invitation = useRecordContext<Invitation>();
  return <span>Invitation{invitation ? ` · ${invitation.name}` : ''}</span>;
}

/**
 * A new invitation with the same offer: after a refusal, an expiry or a revocation, or to
 * send a fresh link for a pending one (the new link replaces the old).
 */
function InviteAgainButton() {
  const invitation = useRecordContext<Invitation>();
  if (!invitation || invitation.status === 'accepted') return null;
  const { name, email, role, organisationId, consortiumId } = invitation;
  return (
    <CreateButton
      resource="invitations"
      label={invitation.status === 'pending' ? 'Send a new link' : 'Invite again'}
      icon={<Replay />}
      state={{ record: { name, email, role, organisationId, consortiumId } }}
    />
  );
}

/** What the inviter can tell from here; it never says whether the address has an account. */
function StatusExplanation() {
  const invitation = useRecordContext<Invitation>();
  if (!invitation) return null;
  const decided = formatDateTime(invitation.decidedAt);
  const text: Record<Invitation['status'], string> = {
    pending: `Waiting for ${invitation.name} to accept. The link works until ${formatDateTime(invitation.expiresAt)}.`,
    accepted: `${invitation.name} accepted on ${decided}: the role is theirs now (see Users).`,
    declined: `${invitation.name} declined on ${decided}.`,
    revoked: `Revoked on ${decided}: the link no longer works.`,
    expired: `The link expired on ${formatDateTime(invitation.expiresAt)} before it was used.`,
  };
  const severity = invitation.status === 'accepted' ? 'success' : invitation.status === 'pending' ? 'info' : 'warning';
  return (
    <Alert severity={severity} sx={{ maxWidth: 800 }} data-testid="invitation-state">
      {text[invitation.status]}
    </Alert>
  );
}

export function InvitationShow() {
  return (
    <Show
      title={<InvitationTitle />}
      actions={
        <TopToolbar>
          <InviteAgainButton />
          <RevokeInvitationButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <StatusExplanation />
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Labeled label="Name">
            <TextField source="name" />
          </Labeled>
          <Labeled label="Email">
            <EmailField source="email" />
          </Labeled>
          <Labeled label="Role">
            <SelectField source="role" choices={roleChoices} />
          </Labeled>
          <Labeled label="Organisation">
            <ReferenceField source="organisationId" reference="organisations" emptyText="—" />
          </Labeled>
          <Labeled label="Consortium">
            <ReferenceField source="consortiumId" reference="consortia" link={false} emptyText="—" />
          </Labeled>
        </Box>
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Labeled label="Status">
            <StatusChip source="status" />
          </Labeled>
          <Labeled label="Sent">
            <DateTimeField source="createdAt" />
          </Labeled>
          <Labeled label="Expires">
            <DateTimeField source="expiresAt" />
          </Labeled>
          <Labeled label="Decided">
            <DateTimeField source="decidedAt" emptyText="—" />
          </Labeled>
          <Labeled label="Invited by">
            <ReferenceField source="invitedById" reference="users" emptyText="—" />
          </Labeled>
        </Box>
      </SimpleShowLayout>
    </Show>
  );
}
