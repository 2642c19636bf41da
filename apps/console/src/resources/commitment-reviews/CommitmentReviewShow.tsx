import { useState } from 'react';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { Labeled, ReferenceField, SelectField, Show, SimpleShowLayout, TextField as RaTextField, useRecordContext, useRefresh, useNotify } from 'react-admin';
import type { CommitmentReview, CommitmentReviewOutcome } from '@tandem/contracts';
import { postJson } from '../../common/api';
import { DateTimeField } from '../../common/DateFields';
import { commitmentKindChoices, commitmentReviewOutcomeChoices } from '../../common/enumChoices';
import { ReasonDialog } from '../../common/ReasonDialog';
import { useCan } from '../../common/useCan';

/** Staff record the outcome once; a proposed suspension suspends an active membership at once. */
function Decide() {
  const review = useRecordContext<CommitmentReview>();
  const canDecide = useCan('commitment-reviews.write');
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<CommitmentReviewOutcome>('warning');
  const refresh = useRefresh();
  const notify = useNotify();
  if (!review || review.outcome || !canDecide) return null;
  return (
    <>
      <Button variant="contained" onClick={() => setOpen(true)}>
        Record the outcome
      </Button>
      {open && (
        <ReasonDialog
          title="Outcome of the review"
          explanation="The note is kept with the review. A proposed suspension suspends the membership now (reinstate it from the membership)."
          confirmLabel="Record"
          onConfirm={async (note) => {
            await postJson(`/api/commitment-reviews/${review.id}/decide`, { outcome, note });
            notify('Outcome recorded', { type: 'success' });
            refresh();
          }}
          onClose={() => setOpen(false)}
        >
          <TextField select fullWidth margin="dense" label="Outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as CommitmentReviewOutcome)}>
            {commitmentReviewOutcomeChoices.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {c.name}
              </MenuItem>
            ))}
          </TextField>
        </ReasonDialog>
      )}
    </>
  );
}

export function CommitmentReviewShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <RaTextField source="organisationName" label="Member" />
        <Labeled label="Missed commitment">
          <ReferenceField source="commitmentId" reference="commitments" link="show" />
        </Labeled>
        <SelectField source="kind" label="Kind" choices={commitmentKindChoices} />
        <RaTextField source="year" />
        <SelectField source="outcome" choices={commitmentReviewOutcomeChoices} emptyText="awaiting a decision" />
        <RaTextField source="note" emptyText="—" />
        <DateTimeField source="decidedAt" label="Decided" emptyText="—" />
        <Decide />
      </SimpleShowLayout>
    </Show>
  );
}
