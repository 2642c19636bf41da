import { useState } from 'react';
import NotificationsActive from '@mui/icons-material/NotificationsActive';
import { Button as RaButton, Confirm, useCanAccess, useNotify } from 'react-admin';
import type { LateReminderResult, Period } from '@tandem/contracts';
import { errorMessage, postJson } from '../../common/api';

function summary(r: LateReminderResult): string {
  const parts = [`${r.reminded} late firm${r.reminded === 1 ? '' : 's'} reminded of ${r.code}`];
  if (r.alreadyReminded) parts.push(`${r.alreadyReminded} already reminded today`);
  if (r.withoutRecipients) parts.push(`${r.withoutRecipients} with nobody to e-mail`);
  return parts.join('; ');
}

/**
 * Staff e-mail the firms late for an open period what they still owe (POST
 * /periods/{id}/remind-late); the API reminds a firm this way at most once a day.
 */
export function RemindLateButton({ period, lateFirms, onDone }: { period: Pick<Period, 'id' | 'code' | 'state'>; lateFirms: number; onDone?: () => void }) {
  const { canAccess } = useCanAccess({ resource: 'periods', action: 'remind' });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  if (!canAccess || period.state !== 'open' || lateFirms === 0) return null;
  const remind = async () => {
    setBusy(true);
    try {
      const result = await postJson<LateReminderResult>(`/api/periods/${period.id}/remind-late`);
      notify(summary(result), { type: result.reminded ? 'success' : 'info' });
      onDone?.();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <RaButton label="Remind late firms" onClick={() => setOpen(true)} data-testid={`remind-late-${period.code}`}>
        <NotificationsActive />
      </RaButton>
      <Confirm
        isOpen={open}
        loading={busy}
        title={`Remind the late firms of ${period.code}?`}
        content={`Each of the ${lateFirms} late firm${lateFirms === 1 ? '' : 's'} gets one e-mail to its admins and contributors, naming the metrics it still owes. A firm reminded today is not e-mailed again.`}
        confirm="Send reminders"
        onConfirm={() => void remind()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
