import { useState } from 'react';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Confirm, useLogout, useNotify } from 'react-admin';
import { clearSession } from '../providers/session';
import { errorMessage, profileRequest } from './api';
import { ProfileCard } from './ProfileCard';

/**
 * Sign out everywhere: every session of the account ends, this one included, so the
 * console forgets its tokens (already dead on the server) and returns to the sign-in page.
 */
export function SessionsCard() {
  const logout = useLogout();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  async function signOutEverywhere() {
    setBusy(true);
    try {
      await profileRequest<void>('/sign-out-everywhere', 'POST');
    } catch (caught) {
      notify(errorMessage(caught, 'The sessions could not be ended'), { type: 'error' });
      setBusy(false);
      setOpen(false);
      return;
    }
    // The tokens are revoked already: forget them so logout does not present them again.
    clearSession();
    await logout();
    notify('You were signed out everywhere. Sign in again to continue.', { type: 'info' });
  }

  return (
    <ProfileCard title="Sessions" testId="profile-sessions">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Left Tandem open on a shared computer, or lost a device? End every session of your account, this one included.
      </Typography>
      <Button variant="outlined" color="error" onClick={() => setOpen(true)}>
        Sign out everywhere
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="Sign out everywhere?"
        content="Every session of your account ends now, on every device and browser, this one included. You will sign in again with your password."
        confirm="Sign out everywhere"
        confirmColor="warning"
        onConfirm={signOutEverywhere}
        onClose={() => setOpen(false)}
      />
    </ProfileCard>
  );
}
