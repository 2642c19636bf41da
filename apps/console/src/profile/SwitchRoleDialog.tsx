import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import type { ProfileRole } from '@tandem/contracts';
import { useAdoptSession } from '../auth/useAdoptSession';
import { roleWhere } from '../common/roles';
import { loginAs } from '../providers/authProvider';

/**
 * A session acts under one role; another role means signing in again, which takes the
 * password (the API offers no switch without it, so a left-open browser cannot be used to
 * take on a stronger role).
 */
export function SwitchRoleDialog({ email, role, onClose }: { email: string; role: ProfileRole; onClose: () => void }) {
  const adopt = useAdoptSession();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const where = roleWhere(role.role, role.organisationName, role.consortiumName);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) return setError('Enter your password');
    setBusy(true);
    setError(null);
    try {
      const pair = await loginAs({ email, password, roleAssignmentId: role.id });
      await adopt(pair, `You now act as ${where}`);
    } catch (caught) {
      const status = (caught as { status?: number }).status;
      setError(status === 401 ? 'This is not your password' : caught instanceof Error ? caught.message : 'The role could not be switched');
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="switch-role-title" fullWidth maxWidth="xs">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="switch-role-title">Switch to {where}?</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            You sign in again under this role: confirm with your password. The menu and what you may see change with the role.
          </DialogContentText>
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setError(null);
            }}
            autoFocus
            fullWidth
            error={Boolean(error)}
            helperText={error ?? ' '}
          />
          {busy && <Alert severity="info">Signing in…</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Switch role
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
