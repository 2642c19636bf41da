import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useNotify } from 'react-admin';
import type { TokenPair } from '@tandem/contracts';
import { saveSession } from '../providers/session';
import { errorMessage, fieldErrors, profileRequest } from './api';
import { ProfileCard } from './ProfileCard';

const MIN_PASSWORD = 12;

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/**
 * A new password ends every session of the account; the API answers a new session for this
 * one, which replaces the old tokens at once (they no longer work).
 */
export function PasswordCard({ email }: { email: string }) {
  const notify = useNotify();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (field: Field) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setErrors({});
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const found: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) found.currentPassword = 'Enter your current password';
    if (values.newPassword.length < MIN_PASSWORD) found.newPassword = `At least ${MIN_PASSWORD} characters`;
    else if (values.newPassword === values.currentPassword) found.newPassword = 'Choose a password different from the current one';
    else if (values.newPassword !== values.confirm) found.confirm = 'The two passwords differ';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const pair = await profileRequest<TokenPair>('/password', 'POST', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      saveSession(pair);
      setValues({ currentPassword: '', newPassword: '', confirm: '' });
      notify('Password changed. Your other sessions were signed out; this one stays signed in.', { type: 'success' });
    } catch (caught) {
      const fields = fieldErrors(caught);
      if (fields.currentPassword) setErrors({ currentPassword: 'This is not your current password' });
      else if (fields.newPassword) setErrors({ newPassword: fields.newPassword });
      else setError(errorMessage(caught, 'The password could not be changed'));
    } finally {
      setSaving(false);
    }
  }

  const input = (field: Field, label: string, autoComplete: string, hint: string) => (
    <TextField
      label={label}
      name={field}
      type="password"
      autoComplete={autoComplete}
      value={values[field]}
      onChange={change(field)}
      error={Boolean(errors[field])}
      helperText={errors[field] ?? hint}
    />
  );

  return (
    <ProfileCard title="Password" subtitle="Changing it signs you out on every other device and browser." testId="profile-password">
      <form onSubmit={submit} aria-label="Change password" noValidate>
        {/* for password managers: which account the new password belongs to */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Stack spacing={2}>
          {error && <Alert severity="error">{error}</Alert>}
          {input('currentPassword', 'Current password', 'current-password', ' ')}
          {input('newPassword', 'New password', 'new-password', `At least ${MIN_PASSWORD} characters`)}
          {input('confirm', 'Repeat the new password', 'new-password', ' ')}
          <div>
            <Button type="submit" variant="contained" disabled={saving}>
              Change password
            </Button>
          </div>
        </Stack>
      </form>
    </ProfileCard>
  );
}
