import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { Loading, Title } from 'react-admin';
import { AccountCard } from './AccountCard';
import { errorMessage, useProfile } from './api';
import { InvitationsCard } from './InvitationsCard';
import { PasswordCard } from './PasswordCard';
import { RolesCard } from './RolesCard';
import { SessionsCard } from './SessionsCard';

/** My own account: name, password, the roles I hold, invitations to me, my sessions. */
export function ProfilePage() {
  const profile = useProfile();
  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="My profile" />
      {profile.isPending ? (
        <Loading />
      ) : profile.isError ? (
        <Alert severity="error">{errorMessage(profile.error, 'Your profile could not be loaded')}</Alert>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2, alignItems: 'start', maxWidth: 1200 }}>
          <Box sx={{ display: 'grid', gap: 2 }}>
            <AccountCard key={profile.data.name} profile={profile.data} />
            <PasswordCard email={profile.data.email} />
          </Box>
          <Box sx={{ display: 'grid', gap: 2 }}>
            <RolesCard profile={profile.data} />
            <InvitationsCard />
            <SessionsCard />
          </Box>
        </Box>
      )}
    </Box>
  );
}
