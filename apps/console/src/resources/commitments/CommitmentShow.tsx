import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Labeled, SelectField, Show, SimpleShowLayout, TextField as RaTextField, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { Commitment } from '@tandem/contracts';
import { errorMessage, postJson } from '../../common/api';
import { DayField, DateTimeField } from '../../common/DateFields';
import { commitmentKindChoices } from '../../common/enumChoices';
import { formatDateTime } from '../../common/formatDate';
import { ReasonDialog } from '../../common/ReasonDialog';
import { StateChip, StatusChip } from '../../common/StatusChip';
import { useCan } from '../../common/useCan';
import { CommitmentProgressBar } from './CommitmentProgress';

/** Attest (the firm's admin, attested kinds), verify and waive (staff). */
function Actions() {
  const c = useRecordContext<Commitment>();
  const canAttest = useCan('commitments.attest');
  const canVerify = useCan('commitments.verify');
  const canWaive = useCan('commitments.waive');
  const notify = useNotify();
  const refresh = useRefresh();
  const [value, setValue] = useState('');
  const [waiving, setWaiving] = useState(false);
  if (!c || c.state === 'waived') return null;
  const send = async (path: string, body: unknown, done: string) => {
    try {
      await postJson(`/api/commitments/${c.id}/${path}`, body);
      notify(done, { type: 'success' });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      {canAttest && c.attested && (
        <>
          <TextField size="small" label="Figure achieved" value={value} onChange={(e) => setValue(e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
          <Button variant="outlined" disabled={value.trim() === '' || Number.isNaN(Number(value))} onClick={() => send('attest', { value: Number(value) }, 'Attested; staff will verify it')}>
            Attest
          </Button>
        </>
      )}
      {canVerify && c.attested && c.attestedValue !== null && c.verifiedAt === null && (
        <Button variant="contained" onClick={() => send('verify', {}, 'Verified: the next evaluation counts it')}>
          Verify attestation
        </Button>
      )}
      {canWaive && (
        <Button color="warning" onClick={() => setWaiving(true)}>
          Waive
        </Button>
      )}
      {waiving && (
        <ReasonDialog
          title="Waive this commitment"
          explanation="A waived commitment is no longer evaluated. The reason is kept and shown to the member."
          confirmLabel="Waive"
          color="warning"
          onConfirm={(reason) => send('waive', { reason }, 'Waived')}
          onClose={() => setWaiving(false)}
        />
      )}
    </Box>
  );
}

function Progress() {
  const c = useRecordContext<Commitment>();
  return c ? <CommitmentProgressBar commitment={c} /> : null;
}

function History() {
  const c = useRecordContext<Commitment>();
  if (!c?.transitions?.length) return <Typography variant="body2" color="text.secondary">No change of state yet.</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {c.transitions.map((t) => (
        <li key={t.id}>
          {formatDateTime(t.at)}: {t.fromState ? <StateChip value={t.fromState} /> : 'new'} → <StateChip value={t.toState} />
          {t.notifiedAt ? ' · member and staff told' : ''}
        </li>
      ))}
    </Box>
  );
}

export function CommitmentShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <RaTextField source="organisationName" label="Member" />
        <SelectField source="kind" label="Commitment" choices={commitmentKindChoices} />
        <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          <Labeled label="Year">
            <RaTextField source="year" />
          </Labeled>
          <Labeled label="From">
            <DayField source="startsOn" />
          </Labeled>
          <Labeled label="To">
            <DayField source="endsOn" />
          </Labeled>
          <Labeled label="State">
            <StatusChip source="state" />
          </Labeled>
          <Labeled label="Evaluated">
            <DateTimeField source="evaluatedAt" emptyText="not yet" />
          </Labeled>
        </Box>
        <Labeled label="Progress">
          <Progress />
        </Labeled>
        <RaTextField source="waivedReason" label="Waived because" emptyText="—" />
        <RaTextField source="attestedValue" label="Attested figure" emptyText="—" />
        <DateTimeField source="verifiedAt" label="Verified" emptyText="—" />
        <Actions />
        <Typography variant="h6">History</Typography>
        <History />
      </SimpleShowLayout>
    </Show>
  );
}
