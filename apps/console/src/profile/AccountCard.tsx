import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useNotify } from 'react-admin';
import type { Profile } from '@tandem/contracts';
import { formatDateTime } from '../common/formatDate';
import { getSessionUser, saveSessionUser } from '../providers/session';
import { errorMessage, fieldErrors, PROFILE_KEY, profileRequest } from './api';
import { ProfileCard } from './ProfileCard';

/** Name (the person's own to change) and the sign-in address (the platform admin's). */
export function AccountCard({ profile }: { profile: Profile }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [name, setName] = useState(profile.name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const unchanged = name.trim() === profile.name;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError('Your name is required');
    setSaving(true);
    setError(null);
    try {
      const updated = await profileRequest<Profile>('', 'PATCH', { name: name.trim() });
      queryClient.setQueryData(PROFILE_KEY, updated);
      // The app bar shows the name of the session: keep it in step.
      const user = getSessionUser();
      if (user) saveSessionUser({ ...user, name: updated.name });
      await queryClient.invalidateQueries({ queryKey: ['auth', 'getIdentity'] });
      setName(updated.name);
      notify('Your name was changed', { type: 'success' });
    } catch (caught) {
      setError(fieldErrors(caught).name ?? errorMessage(caught, 'Your name could not be changed'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <ProfileCard title="Account" testId="profile-account">
      <form onSubmit={submit} aria-label="Change name" noValidate>
        <Stack spacing={2} sx={{ mt: 2 }}>
          <TextField label="Email" value={profile.email} disabled helperText="The address you sign in with; the platform admin can correct it" />
          <TextField
            label="Name"
            name="name"
            autoComplete="name"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            error={Boolean(error)}
            helperText={error ?? 'How colleagues see you in every firm and consortium'}
          />
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button type="submit" variant="contained" disabled={saving || unchanged}>
              Save name
            </Button>
            <Typography variant="body2" color="text.secondary">
              Last sign-in: {profile.lastLoginAt ? formatDateTime(profile.lastLoginAt) : 'never'}
            </Typography>
          </Stack>
        </Stack>
      </form>
    </ProfileCard>
  );
}
