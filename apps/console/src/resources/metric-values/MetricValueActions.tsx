import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import DoneAll from '@mui/icons-material/DoneAll';
import HighlightOff from '@mui/icons-material/HighlightOff';
import Send from '@mui/icons-material/Send';
import { Button as RaButton, EditButton, useCanAccess, useListContext, useNotify, useRecordContext, useRefresh, useUnselectAll } from 'react-admin';
import type { MetricValue, ValidateManyResult } from '@tandem/contracts';
import { canApplyValueAction } from '@tandem/domain';
import { errorMessage, postJson } from '../../performance/api';
import { useIsReporter } from '../../performance/useIsReporter';

/** Reject with a reason (required by the API and kept in the value's history). */
function RejectDialog({ value, onClose }: { value: MetricValue; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const problem = touched && reason.trim().length < 3 ? 'Say why, in at least 3 characters' : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (reason.trim().length < 3) return;
    setSaving(true);
    try {
      await postJson(`/api/metric-values/${value.id}/reject`, { reason: reason.trim() });
      notify(`${value.metricCode} of ${value.periodCode} rejected`, { type: 'success' });
      refresh();
      onClose();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open onClose={saving ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="reject-title" onClick={(e) => e.stopPropagation()}>
      <form onSubmit={submit} noValidate>
        <DialogTitle id="reject-title">
          Reject {value.metricCode} of {value.periodCode}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>The firm sees the reason, fixes the value and submits it again.</DialogContentText>
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
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" color="error" disabled={saving}>
            Reject
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Per-row (compact: an icon) and show page rejection for staff: submitted or validated values. */
export function RejectButton({ compact = false }: { compact?: boolean }) {
  const value = useRecordContext<MetricValue>();
  const { canAccess } = useCanAccess({ resource: 'metric-values', action: 'validate' });
  const [open, setOpen] = useState(false);
  if (!value || !canAccess || !canApplyValueAction(value.status, 'reject')) return null;
  const openDialog = (e: { stopPropagation: () => void }) => {
    e.stopPropagation();
    setOpen(true);
  };
  return (
    <>
      {compact ? (
        <Tooltip title="Reject with a reason">
          <IconButton size="small" color="error" aria-label="Reject" onClick={openDialog}>
            <HighlightOff fontSize="small" />
          </IconButton>
        </Tooltip>
      ) : (
        <RaButton label="Reject" color="error" onClick={openDialog}>
          <HighlightOff />
        </RaButton>
      )}
      {open && <RejectDialog value={value} onClose={() => setOpen(false)} />}
    </>
  );
}

function useAction(path: 'submit' | 'validate', done: string) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [saving, setSaving] = useState(false);
  const run = async (value: MetricValue) => {
    setSaving(true);
    try {
      await postJson(`/api/metric-values/${value.id}/${path}`);
      notify(`${value.metricCode} of ${value.periodCode} ${done}`, { type: 'success' });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return { run, saving };
}

export function ValidateButton() {
  const value = useRecordContext<MetricValue>();
  const { canAccess } = useCanAccess({ resource: 'metric-values', action: 'validate' });
  const { run, saving } = useAction('validate', 'validated');
  if (!value || !canAccess || !canApplyValueAction(value.status, 'validate') || value.pendingRevision !== null) return null;
  return (
    <RaButton label="Validate" color="success" disabled={saving} onClick={() => void run(value)}>
      <CheckCircleOutline />
    </RaButton>
  );
}

/** The reporter submits a draft, or a rejected value after fixing it. */
export function SubmitButton() {
  const value = useRecordContext<MetricValue>();
  const { canAccess } = useCanAccess({ resource: 'metric-values', action: 'write' });
  const reporter = useIsReporter(value);
  const { run, saving } = useAction('submit', 'submitted');
  if (!value || !canAccess || !reporter || !canApplyValueAction(value.status, 'submit')) return null;
  return (
    <RaButton label="Submit" disabled={saving} onClick={() => void run(value)}>
      <Send />
    </RaButton>
  );
}

/** Edit for the value's reporter (and staff) only: a firm cannot change what a customer reported about it. */
export function EditValueButton() {
  const value = useRecordContext<MetricValue>();
  const reporter = useIsReporter(value);
  return reporter ? <EditButton /> : null;
}

/** Bulk "Validate" of the validation queue: one request for every selected value. */
export function ValidateManyButton() {
  const { selectedIds, resource } = useListContext();
  const unselectAll = useUnselectAll(resource ?? 'metric-values');
  const notify = useNotify();
  const refresh = useRefresh();
  const [saving, setSaving] = useState(false);
  const validate = async () => {
    setSaving(true);
    try {
      const result = await postJson<ValidateManyResult>('/api/metric-values/validate-many', { ids: selectedIds });
      const skipped = result.skipped.length;
      const validated = `${result.validated.length} value${result.validated.length === 1 ? '' : 's'} validated`;
      notify(skipped ? `${validated}; ${skipped} skipped (${result.skipped.map((s) => s.reason).join('; ')})` : validated, { type: skipped ? 'warning' : 'success' });
      unselectAll();
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <RaButton label="Validate" disabled={saving || selectedIds.length === 0} onClick={() => void validate()}>
      <DoneAll />
    </RaButton>
  );
}
