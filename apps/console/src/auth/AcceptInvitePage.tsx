import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useLocation, useNavigate, useNotify } from 'react-admin';
import { asProblem, problemMessage } from '../providers/problem';
import { AuthShell } from './AuthShell';

const MIN_PASSWORD = 12;

/** Public page behind the link of the invitation e-mail: choose a password, then sign in. */
export function AcceptInvitePage() {
  const location = useLocation();
  const navigate = useNavigate();
  const notify = useNotify();
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setFieldError(null);
    if (password.length < MIN_PASSWORD) return setFieldError(`At least ${MIN_PASSWORD} characters`);
    if (password !== confirm) return setFieldError('The passwords differ');
    setSaving(true);
    try {
      const response = await fetch('/api/auth/accept-invite', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ token, password }),
      });
      if (!response.ok) {
        const problem = asProblem(await response.json().catch(() => null));
        const passwordError = problem?.errors?.find((e) => e.path.endsWith('password'));
        if (passwordError) setFieldError(passwordError.message);
        else setError(problemMessage(problem, 'The invitation could not be accepted'));
        return;
      }
      notify('Your account is ready. Sign in with your new password.', { type: 'success' });
      navigate('/login');
    } catch {
      setError('The server could not be reached');
    } finally {
      setSaving(false);
    }
  }

  return (
    <AuthShell subtitle="Accept your invitation">
      {!token ? (
        <Alert severity="error">This invitation link is incomplete. Open the link from the e-mail again.</Alert>
      ) : (
        <form onSubmit={submit} aria-label="Accept invitation">
          <Stack spacing={2}>
            {error && <Alert severity="error">{error}</Alert>}
            <TextField
              label="New password"
              name="password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                setFieldError(null);
              }}
              required
              variant="outlined"
              error={Boolean(fieldError)}
              helperText={fieldError ?? `At least ${MIN_PASSWORD} characters`}
            />
            <TextField
              label="Repeat the password"
              name="confirm"
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => {
                setConfirm(e.target.value);
                setFieldError(null);
              }}
              required
              variant="outlined"
            />
            <Button type="submit" variant="contained" size="large" disabled={saving}>
              Set password
            </Button>
          </Stack>
        </form>
      )}
    </AuthShell>
  );
}
