import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Confirm, useNotify } from 'react-admin';
import type { MyInvitation, Profile } from '@tandem/contracts';
import { formatDateTime } from '../common/formatDate';
import { roleWhere } from '../common/roles';
import { errorMessage, MY_INVITATIONS_KEY, PROFILE_KEY, profileRequest, useMyInvitations } from './api';
import { ProfileCard } from './ProfileCard';

function InvitationItem({ invitation }: { invitation: MyInvitation }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [confirmDecline, setConfirmDecline] = useState(false);
  const where = roleWhere(invitation.role, invitation.organisationName, invitation.consortiumName);

  async function accept() {
    setBusy(true);
    try {
      const profile = await profileRequest<Profile>(`/invitations/${invitation.id}/accept`, 'POST');
      queryClient.setQueryData(PROFILE_KEY, profile);
      await queryClient.invalidateQueries({ queryKey: MY_INVITATIONS_KEY });
      notify(`You now hold the role ${where}. Switch to it under "Your roles" to act in it.`, { type: 'success' });
    } catch (caught) {
      notify(errorMessage(caught, 'The invitation could not be accepted'), { type: 'error' });
      await queryClient.invalidateQueries({ queryKey: MY_INVITATIONS_KEY });
      setBusy(false);
    }
  }

  async function decline() {
    setBusy(true);
    try {
      await profileRequest<void>(`/invitations/${invitation.id}/decline`, 'POST');
      notify('Invitation declined', { type: 'info' });
    } catch (caught) {
      notify(errorMessage(caught, 'The invitation could not be declined'), { type: 'error' });
    }
    setConfirmDecline(false);
    await queryClient.invalidateQueries({ queryKey: MY_INVITATIONS_KEY });
    setBusy(false);
  }

  return (
    <Box sx={{ py: 1.5, borderBottom: 1, borderColor: 'divider' }} data-testid="my-invitation">
      <Typography variant="body1">
        {invitation.invitedByName ?? 'The Tandem platform'} invites you to be {where}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Until {formatDateTime(invitation.expiresAt)}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button size="small" variant="contained" onClick={accept} disabled={busy}>
          Accept
        </Button>
        <Button size="small" color="inherit" onClick={() => setConfirmDecline(true)} disabled={busy}>
          Decline
        </Button>
      </Stack>
      <Confirm
        isOpen={confirmDecline}
        loading={busy}
        title="Decline the invitation?"
        content={`You will not become ${where}. ${invitation.invitedByName ?? 'The inviter'} can invite you again later.`}
        confirm="Decline"
        confirmColor="warning"
        onConfirm={decline}
        onClose={() => setConfirmDecline(false)}
      />
    </Box>
  );
}

/** Invitations to my own address, to accept while signed in (no password needed: this is my account). */
export function InvitationsCard() {
  const invitations = useMyInvitations();
  return (
    <ProfileCard title="Invitations to you" testId="profile-invitations">
      {invitations.isPending ? (
        <Typography variant="body2">Loading…</Typography>
      ) : invitations.isError ? (
        <Alert severity="error">{errorMessage(invitations.error, 'Your invitations could not be loaded')}</Alert>
      ) : invitations.data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No pending invitations.
        </Typography>
      ) : (
        invitations.data.map((invitation) => <InvitationItem key={invitation.id} invitation={invitation} />)
      )}
    </ProfileCard>
  );
}
