import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import CalendarMonth from '@mui/icons-material/CalendarMonth';
import EditNote from '@mui/icons-material/EditNote';
import Lock from '@mui/icons-material/Lock';
import LockOpen from '@mui/icons-material/LockOpen';
import Public from '@mui/icons-material/Public';
import { Button as RaButton, Confirm, LinkBase, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { Period, PeriodGenerateResult } from '@tandem/contracts';
import { errorMessage, postJson } from '../../common/api';
import { periodKindChoices } from '../../common/enumChoices';
import { ReasonDialog } from '../../common/ReasonDialog';

/** Close (locks the values, enqueues the benchmarks) or publish, after a confirmation. */
function TransitionButton({ verb }: { verb: 'close' | 'publish' }) {
  const period = useRecordContext<Period>();
  const { canAccess } = useCanAccess({ resource: 'periods', action: verb });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const from = verb === 'close' ? 'open' : 'closed';
  if (!period || !canAccess || period.state !== from) return null;
  const confirm = async () => {
    setBusy(true);
    try {
      await postJson(`/api/periods/${period.id}/${verb}`);
      notify(`Period ${period.code} ${verb === 'close' ? 'closed' : 'published'}`, { type: 'success' });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <RaButton
        label={verb === 'close' ? 'Close' : 'Publish'}
        color={verb === 'close' ? 'warning' : 'success'}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        {verb === 'close' ? <Lock /> : <Public />}
      </RaButton>
      <Confirm
        isOpen={open}
        loading={busy}
        title={`${verb === 'close' ? 'Close' : 'Publish'} ${period.code}?`}
        content={
          verb === 'close'
            ? 'Its values lock: from now on a change needs a reason and staff approval. The benchmarks of the period are recomputed.'
            : 'Members see the published benchmarks of this period.'
        }
        onConfirm={() => void confirm()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

export const ClosePeriodButton = () => <TransitionButton verb="close" />;
export const PublishPeriodButton = () => <TransitionButton verb="publish" />;

/** Opens the entry grid on this period, for those who report values. */
export function EnterValuesButton() {
  const period = useRecordContext<Period>();
  const { canAccess } = useCanAccess({ resource: 'metric-values', action: 'create' });
  if (!period || !canAccess || period.state !== 'open') return null;
  return (
    <RaButton component={LinkBase} to={`/metric-values/create?periodId=${period.id}`} label="Enter values" onClick={(e: { stopPropagation: () => void }) => e.stopPropagation()}>
      <EditNote />
    </RaButton>
  );
}

/** POST /api/periods/generate: the quarters or months of a year, existing codes skipped. */
export function GenerateCalendarButton() {
  const { canAccess } = useCanAccess({ resource: 'periods', action: 'create' });
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [kind, setKind] = useState('quarter');
  const [dueDays, setDueDays] = useState('30');
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  if (!canAccess) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await postJson<PeriodGenerateResult>('/api/periods/generate', { year: Number(year), kind, dueDays: Number(dueDays) });
      const skipped = result.skipped.length ? `; ${result.skipped.length} existed already` : '';
      notify(`${result.created.length} periods created${skipped}`, { type: 'success' });
      refresh();
      setOpen(false);
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <RaButton label="Generate calendar" onClick={() => setOpen(true)}>
        <CalendarMonth />
      </RaButton>
      <Dialog open={open} onClose={busy ? undefined : () => setOpen(false)} fullWidth maxWidth="xs" aria-labelledby="generate-title">
        <form onSubmit={submit} noValidate>
          <DialogTitle id="generate-title">Generate a reporting calendar</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>Creates the open periods of a year. Periods that exist already are left as they are.</DialogContentText>
            <Stack spacing={2}>
              <TextField label="Year" value={year} onChange={(e) => setYear(e.target.value)} slotProps={{ htmlInput: { inputMode: 'numeric' } }} required />
              <TextField select label="Periods" value={kind} onChange={(e) => setKind(e.target.value)}>
                {periodKindChoices.map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {c.id === 'quarter' ? 'Quarters' : 'Months'}
                  </MenuItem>
                ))}
              </TextField>
              <TextField label="Due (days after the period ends)" value={dueDays} onChange={(e) => setDueDays(e.target.value)} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" variant="contained" disabled={busy}>
              Generate
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}

/** Staff reopen a closed (not yet published) period with a reason the audit trail keeps. */
export function ReopenPeriodButton() {
  const period = useRecordContext<Period>();
  const { canAccess } = useCanAccess({ resource: 'periods', action: 'reopen' });
  const [open, setOpen] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  if (!period || !canAccess || period.state !== 'closed') return null;
  const reopen = async (reason: string) => {
    await postJson(`/api/periods/${period.id}/reopen`, { reason });
    notify(`Period ${period.code} reopened`, { type: 'success' });
    refresh();
  };
  return (
    <>
      <RaButton label="Reopen" color="warning" onClick={() => setOpen(true)}>
        <LockOpen />
      </RaButton>
      {open && (
        <ReasonDialog
          title={`Reopen ${period.code}`}
          explanation="Its values can change again until the next close, and its scorecards become provisional until then. The reason is kept in the audit trail."
          confirmLabel="Reopen"
          color="warning"
          onConfirm={reopen}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
