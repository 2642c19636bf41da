import { useState, type FormEvent, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useNotify } from 'react-admin';
import { errorMessage } from './api';

const MIN_REASON = 3;

/**
 * A decision that needs a reason the API keeps (a rejection, a reopening, a membership
 * transition): the reason is checked as the person leaves the field, the API's refusal is
 * shown as a notification. `children` are further fields under the reason (an effective date).
 */
export function ReasonDialog({
  title,
  explanation,
  confirmLabel,
  color = 'primary',
  onConfirm,
  onClose,
  children,
}: {
  title: ReactNode;
  explanation: ReactNode;
  confirmLabel: string;
  color?: 'primary' | 'success' | 'error' | 'warning';
  /** sends the decision; resolves once the API accepted it */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
  children?: ReactNode;
}) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const notify = useNotify();
  const problem = touched && reason.trim().length < MIN_REASON ? `Say why, in at least ${MIN_REASON} characters` : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (reason.trim().length < MIN_REASON) return;
    setSaving(true);
    try {
      await onConfirm(reason.trim());
      onClose();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open onClose={saving ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="reason-title" onClick={(e) => e.stopPropagation()}>
      <form onSubmit={submit} noValidate>
        <DialogTitle id="reason-title">{title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{explanation}</DialogContentText>
          <TextField
            label="Reason"
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onBlur={() => setTouched(true)}
            required
            fullWidth
            multiline
            minRows={2}
            autoFocus
            error={Boolean(problem)}
            helperText={problem ?? ' '}
          />
          {children}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" color={color} disabled={saving}>
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
