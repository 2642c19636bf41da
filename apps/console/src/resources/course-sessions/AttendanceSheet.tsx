import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import MuiTextField from '@mui/material/TextField';
import { useState } from 'react';
import { Button, useCanAccess, useGetList, useNotify, useRefresh } from 'react-admin';
import type { CourseSession, Enrolment, EnrolmentStatus } from '@tandem/contracts';
import { sendJson, errorMessage } from '../../common/api';
import { humanize } from '../../common/choices';

/** The statuses a trainer moves an enrolment to from where it is (the API's rules decide). */
const NEXT: Record<EnrolmentStatus, EnrolmentStatus[]> = {
  enrolled: ['enrolled', 'attended', 'completed', 'withdrawn'],
  attended: ['attended', 'completed', 'withdrawn'],
  completed: ['completed'],
  withdrawn: ['withdrawn'],
};

function SheetRow({ enrolment, session, editable }: { enrolment: Enrolment; session: CourseSession; editable: boolean }) {
  const [status, setStatus] = useState<EnrolmentStatus>(enrolment.status);
  const [hours, setHours] = useState(String(enrolment.hoursAttended));
  const [credential, setCredential] = useState(enrolment.credential ?? '');
  const [saving, setSaving] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const final = enrolment.status === 'completed' || enrolment.status === 'withdrawn';
  const save = async () => {
    setSaving(true);
    try {
      await sendJson('PATCH', `/api/enrolments/${enrolment.id}`, {
        status,
        hoursAttended: Number(hours),
        ...(status === 'completed' && credential.trim() ? { credential: credential.trim() } : {}),
      });
      notify(`Recorded for ${enrolment.traineeName}`, { type: 'success' });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  const name = enrolment.traineeName;
  return (
    <TableRow data-testid="attendance-row">
      <TableCell>{name}</TableCell>
      <TableCell>
        {editable && !final ? (
          <MuiTextField select size="small" value={status} onChange={(e) => setStatus(e.target.value as EnrolmentStatus)} slotProps={{ select: { native: true }, htmlInput: { 'aria-label': `Status of ${name}` } }}>
            {NEXT[enrolment.status].map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </MuiTextField>
        ) : (
          humanize(enrolment.status)
        )}
      </TableCell>
      <TableCell align="right">
        {editable && !final ? (
          <MuiTextField size="small" type="number" value={hours} onChange={(e) => setHours(e.target.value)} slotProps={{ htmlInput: { min: 0, max: session.hours, step: 0.5, 'aria-label': `Hours attended by ${name}` } }} sx={{ width: 110 }} />
        ) : (
          enrolment.hoursAttended
        )}
      </TableCell>
      <TableCell>
        {editable && !final ? (
          <MuiTextField size="small" value={credential} onChange={(e) => setCredential(e.target.value)} disabled={status !== 'completed'} slotProps={{ htmlInput: { 'aria-label': `Credential earned by ${name}` } }} placeholder="on completion" />
        ) : (
          (enrolment.credential ?? '—')
        )}
      </TableCell>
      {editable && <TableCell>{!final && <Button label="Record" onClick={save} disabled={saving} />}</TableCell>}
    </TableRow>
  );
}

/**
 * The session's attendance sheet: one row per enrolment. The session's trainer (and staff)
 * record hours, completion and the credential; everyone else who may read the enrolments
 * (the enrolling firm) reads them.
 */
export function AttendanceSheet({ session }: { session: CourseSession }) {
  const { canAccess: editable } = useCanAccess({ resource: 'enrolments', action: 'record' });
  const { canAccess: readable } = useCanAccess({ resource: 'enrolments', action: 'list' });
  const { data, isPending, error } = useGetList<Enrolment>('enrolments', { filter: { sessionId: session.id }, sort: { field: 'createdAt', order: 'ASC' }, pagination: { page: 1, perPage: 200 } }, { enabled: readable === true });
  if (!readable) return null;
  if (error) return <Alert severity="error">{errorMessage(error)}</Alert>;
  if (isPending) return null;
  if (data.length === 0) return <Alert severity="info">No enrolments yet.</Alert>;
  return (
    <Table size="small" data-testid="attendance-sheet">
      <TableHead>
        <TableRow>
          <TableCell>Trainee</TableCell>
          <TableCell>Status</TableCell>
          <TableCell align="right">Hours attended (of {session.hours})</TableCell>
          <TableCell>Credential</TableCell>
          {editable && <TableCell />}
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((e) => (
          <SheetRow key={`${e.id}:${e.updatedAt}`} enrolment={e} session={session} editable={editable === true} />
        ))}
      </TableBody>
    </Table>
  );
}
