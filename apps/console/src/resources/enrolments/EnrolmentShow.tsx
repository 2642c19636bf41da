import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MuiTextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Button, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { Enrolment } from '@tandem/contracts';
import { errorMessage, postJson } from '../../common/api';
import { DateTimeField, DayField } from '../../common/DateFields';
import { enrolmentStatusChoices } from '../curricula/choices';

function Title() {
  const e = useRecordContext<Enrolment>();
  return <span>{e ? `${e.traineeName} · ${e.curriculumTitle}` : 'Enrolment'}</span>;
}

/**
 * Skill-based pay: the step the credential proposes on the firm's ladder, and (the firm
 * admin) its confirmation with the hourly wages before and after. Nobody outside the firm
 * reads either.
 */
function WageStepPanel() {
  const e = useRecordContext<Enrolment>();
  const { canAccess } = useCanAccess({ resource: 'enrolments', action: 'confirm-wage-step' });
  const [before, setBefore] = useState('');
  const [after, setAfter] = useState('');
  const [saving, setSaving] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  if (!e?.wageStep) return null;
  if (e.wageStepConfirmedAt) {
    return (
      <Alert severity="success" data-testid="wage-step">
        {`${e.wageStep.title}: confirmed — $${e.wageBefore?.toFixed(2)} → $${e.wageAfter?.toFixed(2)} an hour`}
      </Alert>
    );
  }
  const confirm = async () => {
    setSaving(true);
    try {
      await postJson(`/api/enrolments/${e.id}/confirm-wage-step`, { wageBefore: Number(before), ...(after ? { wageAfter: Number(after) } : {}) });
      notify('Wage step confirmed', { type: 'success' });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Box data-testid="wage-step">
      <Typography variant="h6">Skill-based pay</Typography>
      <Alert severity="info">{`${e.credential ?? ''} proposes the step “${e.wageStep.title}” (+$${e.wageStep.hourlyIncrease.toFixed(2)} an hour).`}</Alert>
      {canAccess && (
        <Box sx={{ display: 'flex', gap: 2, mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <MuiTextField size="small" type="number" label="Hourly wage before" value={before} onChange={(ev) => setBefore(ev.target.value)} slotProps={{ htmlInput: { min: 0, step: 0.01 } }} />
          <MuiTextField size="small" type="number" label="Hourly wage after" value={after} onChange={(ev) => setAfter(ev.target.value)} helperText="defaults to before + the step" slotProps={{ htmlInput: { min: 0, step: 0.01 } }} />
          <Button label="Confirm wage step" variant="contained" onClick={confirm} disabled={saving || before === ''} />
        </Box>
      )}
    </Box>
  );
}

export function EnrolmentShow() {
  return (
    <Show title={<Title />}>
      <SimpleShowLayout>
        <TextField source="traineeName" label="Trainee" />
        <ReferenceField source="sessionId" reference="course-sessions" label="Session" />
        <DayField source="sessionStartsOn" label="Session starts" />
        <SelectField source="status" choices={enrolmentStatusChoices} />
        <TextField source="hoursAttended" label="Hours attended" />
        <TextField source="credential" emptyText="—" />
        <DayField source="completedAt" label="Completed" />
        <WageStepPanel />
        <DateTimeField source="wageStepConfirmedAt" label="Wage step confirmed" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
