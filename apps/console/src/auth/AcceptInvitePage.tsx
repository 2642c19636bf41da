import { useEffect, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Link, useLocation } from 'react-admin';
import type { InvitationPreview, Problem, TokenPair } from '@tandem/contracts';
import { formatDateTime } from '../common/formatDate';
import { roleWhere } from '../common/roles';
import { asProblem, fieldOf, problemMessage } from '../providers/problem';
import { AuthShell } from './AuthShell';
import { useAdoptSession } from './useAdoptSession';

const MIN_PASSWORD = 12;

type Answer<T> = { ok: true; data: T } | { ok: false; status: number; problem: Problem | null };

/** The public invitation routes: no token to refresh, every answer is the page's to show. */
async function post<T>(path: string, body: unknown): Promise<Answer<T>> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json().catch(() => null);
  return response.ok ? { ok: true, data: json as T } : { ok: false, status: response.status, problem: asProblem(json) };
}

function isInvalidLink(answer: { status: number; problem: Problem | null }): boolean {
  return answer.status === 400 && Boolean(answer.problem?.errors?.some((e) => fieldOf(e.path) === 'token'));
}

function fieldError(problem: Problem | null, field: string): string | null {
  return problem?.errors?.find((e) => fieldOf(e.path) === field)?.message ?? null;
}

type PageState =
  | { kind: 'loading' }
  | { kind: 'invalid' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; preview: InvitationPreview }
  | { kind: 'declined'; preview: InvitationPreview };

/** A link that cannot be used: say so, and what to do instead. */
function InvalidLink({ incomplete = false }: { incomplete?: boolean }) {
  return (
    <Stack spacing={2} data-testid="invitation-invalid">
      <Typography variant="h6" component="h2">
        {incomplete ? 'This invitation link is incomplete' : 'This invitation link is invalid or has expired'}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {incomplete
          ? 'Open the link from the e-mail again, or copy the whole address into the browser.'
          : 'It may have been used already, declined, revoked, or replaced by a newer invitation; links work for a limited time.'}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Ask the person who invited you to send a new invitation. If you already use Tandem, sign in: invitations to your
        address also wait on your profile page.
      </Typography>
      <Button component={Link} to="/login" variant="outlined">
        Go to sign-in
      </Button>
    </Stack>
  );
}

function Offer({ preview }: { preview: InvitationPreview }) {
  const who = preview.invitedByName ?? 'The Tandem platform';
  return (
    <Box sx={{ mb: 3 }}>
      <Typography variant="h6" component="h2" sx={{ lineHeight: 1.35 }} data-testid="invitation-offer">
        {who} invites you to be {roleWhere(preview.role, preview.organisationName, preview.consortiumName)}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        For {preview.email} · the link works until {formatDateTime(preview.expiresAt)}
      </Typography>
    </Box>
  );
}

function DeclineDialog({ preview, onClose, onDeclined, token }: { preview: InvitationPreview; onClose: () => void; onDeclined: () => void; token: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function decline() {
    setBusy(true);
    setError(null);
    try {
      const answer = await post<void>('/api/auth/decline-invite', { token });
      if (answer.ok) onDeclined();
      else setError(problemMessage(answer.problem, 'The invitation could not be declined'));
    } catch {
      setError('The server could not be reached');
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="decline-title" maxWidth="xs">
      <DialogTitle id="decline-title">Decline the invitation?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          You will not become {roleWhere(preview.role, preview.organisationName, preview.consortiumName)}, and this link stops
          working. {preview.invitedByName ?? 'The person who invited you'} can invite you again later.
        </DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button onClick={decline} color="error" variant="contained" disabled={busy}>
          Decline
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * The address already has an account: the person proves it is theirs with its password
 * (a link never sets the password of an existing account).
 */
function ExistingAccountForm({ preview, token, onDecline }: { preview: InvitationPreview; token: string; onDecline: () => void }) {
  const adopt = useAdoptSession();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setPasswordError(null);
    if (!password) return setPasswordError('Enter the password of your account');
    setSaving(true);
    try {
      const answer = await post<TokenPair>('/api/auth/accept-invite', { token, password });
      if (answer.ok) {
        await adopt(answer.data, `Invitation accepted: you now act as ${roleWhere(preview.role, preview.organisationName, preview.consortiumName)}`);
        return;
      }
      if (fieldError(answer.problem, 'password')) setPasswordError('This is not the password of your Tandem account');
      else setError(problemMessage(answer.problem, 'The invitation could not be accepted'));
    } catch {
      setError('The server could not be reached');
    }
    setSaving(false);
  }

  return (
    <form onSubmit={submit} aria-label="Accept invitation" noValidate>
      <Stack spacing={2}>
        <Alert severity="info">
          You already have a Tandem account ({preview.email}): enter its password to accept.
        </Alert>
        {error && <Alert severity="error">{error}</Alert>}
        <TextField
          label="Password of your account"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setPasswordError(null);
          }}
          autoFocus
          variant="outlined"
          error={Boolean(passwordError)}
          helperText={passwordError ?? 'The password you sign in to Tandem with'}
        />
        <Button type="submit" variant="contained" size="large" disabled={saving} startIcon={saving ? <CircularProgress size={18} /> : null}>
          Accept invitation
        </Button>
        <Button onClick={onDecline} disabled={saving} color="inherit">
          Decline
        </Button>
      </Stack>
    </form>
  );
}

/** A new address: the person chooses the name and password of their new account. */
function NewAccountForm({ preview, token, onDecline }: { preview: InvitationPreview; token: string; onDecline: () => void }) {
  const adopt = useAdoptSession();
  const [name, setName] = useState(preview.name ?? '');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ name?: string; password?: string; confirm?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const found: typeof errors = {};
    if (password.length < MIN_PASSWORD) found.password = `At least ${MIN_PASSWORD} characters`;
    else if (password !== confirm) found.confirm = 'The two passwords differ';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const answer = await post<TokenPair>('/api/auth/accept-invite', { token, password, ...(name.trim() ? { name: name.trim() } : {}) });
      if (answer.ok) {
        await adopt(answer.data, `Welcome to Tandem, ${answer.data.user.name}: you are now ${roleWhere(preview.role, preview.organisationName, preview.consortiumName)}`);
        return;
      }
      const passwordError = fieldError(answer.problem, 'password');
      const nameError = fieldError(answer.problem, 'name');
      if (passwordError || nameError) setErrors({ password: passwordError ?? undefined, name: nameError ?? undefined });
      else setError(problemMessage(answer.problem, 'The invitation could not be accepted'));
    } catch {
      setError('The server could not be reached');
    }
    setSaving(false);
  }

  return (
    <form onSubmit={submit} aria-label="Accept invitation" noValidate>
      <Stack spacing={2}>
        <Typography variant="body2">
          Create your Tandem account for <strong>{preview.email}</strong>.
        </Typography>
        {error && <Alert severity="error">{error}</Alert>}
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          variant="outlined"
          error={Boolean(errors.name)}
          helperText={errors.name ?? (preview.name ? 'As your colleagues will see it' : 'Leave empty to keep the name in the invitation')}
        />
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setErrors({});
          }}
          autoFocus
          variant="outlined"
          error={Boolean(errors.password)}
          helperText={errors.password ?? `At least ${MIN_PASSWORD} characters`}
        />
        <TextField
          label="Repeat the password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => {
            setConfirm(e.target.value);
            setErrors({});
          }}
          variant="outlined"
          error={Boolean(errors.confirm)}
          helperText={errors.confirm ?? ' '}
        />
        <Button type="submit" variant="contained" size="large" disabled={saving} startIcon={saving ? <CircularProgress size={18} /> : null}>
          Create account and accept
        </Button>
        <Button onClick={onDecline} disabled={saving} color="inherit">
          Decline
        </Button>
      </Stack>
    </form>
  );
}

/** Public page behind the link of the invitation e-mail: see the offer, then accept or decline it. */
export function AcceptInvitePage() {
  const location = useLocation();
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [declining, setDeclining] = useState(false);

  useEffect(() => {
    if (!token) return;
    let live = true;
    post<InvitationPreview>('/api/auth/invitation-preview', { token })
      .then((answer) => {
        if (!live) return;
        if (answer.ok) setState({ kind: 'ready', preview: answer.data });
        else if (isInvalidLink(answer)) setState({ kind: 'invalid' });
        else setState({ kind: 'failed', message: problemMessage(answer.problem, 'The invitation could not be read; try again in a moment') });
      })
      .catch(() => live && setState({ kind: 'failed', message: 'The server could not be reached; try again in a moment' }));
    return () => {
      live = false;
    };
  }, [token]);

  let content;
  if (!token) content = <InvalidLink incomplete />;
  else if (state.kind === 'loading') content = <CircularProgress aria-label="Loading the invitation" />;
  else if (state.kind === 'invalid') content = <InvalidLink />;
  else if (state.kind === 'failed') content = <Alert severity="error">{state.message}</Alert>;
  else if (state.kind === 'declined') {
    content = (
      <Stack spacing={2} data-testid="invitation-declined">
        <Typography variant="h6" component="h2">
          You declined the invitation
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Nothing was changed and the link no longer works. {state.preview.invitedByName ?? 'The person who invited you'} can
          invite you again if you change your mind.
        </Typography>
        <Button component={Link} to="/login" variant="outlined">
          Go to sign-in
        </Button>
      </Stack>
    );
  } else {
    const { preview } = state;
    const Form = preview.accountExists ? ExistingAccountForm : NewAccountForm;
    content = (
      <>
        <Offer preview={preview} />
        <Form preview={preview} token={token} onDecline={() => setDeclining(true)} />
        {declining && (
          <DeclineDialog
            preview={preview}
            token={token}
            onClose={() => setDeclining(false)}
            onDeclined={() => {
              setDeclining(false);
              setState({ kind: 'declined', preview });
            }}
          />
        )}
      </>
    );
  }

  return (
    <AuthShell subtitle="Your invitation" width={460}>
      {content}
    </AuthShell>
  );
}
