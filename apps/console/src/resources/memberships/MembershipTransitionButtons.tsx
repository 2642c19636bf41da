import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { HttpError, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { Membership, MembershipStatus } from '@tandem/contracts';
import { allowedTransitions } from '@tandem/domain';
import { httpClient } from '../../providers/httpClient';

/** What a person clicks for each allowed move; the allowed moves come from libs/domain. */
export function transitionLabel(from: MembershipStatus, to: MembershipStatus): string {
  if (to === 'exited') return 'Exit';
  if (to === 'suspended') return 'Suspend';
  if (to === 'active') return from === 'suspended' ? 'Reinstate' : 'Activate';
  return to;
}

const COLOR: Record<string, 'primary' | 'success' | 'warning' | 'error'> = {
  Activate: 'success',
  Reinstate: 'success',
  Suspend: 'warning',
  Exit: 'error',
};

function TransitionDialog({
  membership,
  toStatus,
  label,
  onClose,
}: {
  membership: Membership;
  toStatus: MembershipStatus;
  label: string;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [effectiveDate, setEffectiveDate] = useState('');
  const [saving, setSaving] = useState(false);
  const [touched, setTouched] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const reasonError = touched && reason.trim() === '' ? 'A reason is required' : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (reason.trim() === '') return;
    setSaving(true);
    try {
      await httpClient(`/api/memberships/${membership.id}/transition`, {
        method: 'POST',
        body: JSON.stringify({ toStatus, reason: reason.trim(), ...(effectiveDate ? { effectiveDate } : {}) }),
      });
      notify(`Membership ${toStatus === 'active' ? 'active' : toStatus}`, { type: 'success' });
      refresh();
      onClose();
    } catch (error) {
      notify(error instanceof HttpError || error instanceof Error ? error.message : 'The transition failed', { type: 'error' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open onClose={saving ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="transition-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="transition-title">{label} membership</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            From <strong>{membership.status}</strong> to <strong>{toStatus}</strong>. The reason is kept in the
            membership history and the audit trail.
          </DialogContentText>
          <Stack spacing={2}>
            <TextField
              label="Reason"
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              onBlur={() => setTouched(true)}
              required
              multiline
              minRows={2}
              autoFocus
              error={Boolean(reasonError)}
              helperText={reasonError ?? ' '}
            />
            <TextField
              label="Effective date"
              name="effectiveDate"
              type="date"
              value={effectiveDate}
              onChange={(e) => setEffectiveDate(e.target.value)}
              helperText="Leave empty for today"
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" color={COLOR[label] ?? 'primary'} disabled={saving}>
            {label}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Lifecycle buttons for the moves allowed from the current status, for users who may transition. */
export function MembershipTransitionButtons() {
  const membership = useRecordContext<Membership>();
  const { canAccess } = useCanAccess({ resource: 'memberships', action: 'transition' });
  const [target, setTarget] = useState<MembershipStatus | null>(null);
  if (!membership || !canAccess) return null;
  const moves = allowedTransitions(membership.status);
  return (
    <>
      {moves.map((to) => {
        const label = transitionLabel(membership.status, to);
        return (
          <Button key={to} size="small" variant="outlined" color={COLOR[label] ?? 'primary'} onClick={() => setTarget(to)}>
            {label}
          </Button>
        );
      })}
      {target && (
        <TransitionDialog
          membership={membership}
          toStatus={target}
          label={transitionLabel(membership.status, target)}
          onClose={() => setTarget(null)}
        />
      )}
    </>
  );
}
