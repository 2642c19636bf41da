import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { EditButton, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { TrainingPlan } from '@tandem/contracts';
import { errorMessage, postJson } from '../../common/api';
import { ReasonDialog } from '../../common/ReasonDialog';
import { awaitingText } from './choices';

/**
 * What the reader may do to the plan now, as the API says (`actions`): the firm edits and
 * submits; each side approves or returns for itself. Staff and bystanders see no button.
 */
export function PlanDecisions({ onChanged }: { onChanged: () => void }) {
  const plan = useRecordContext<TrainingPlan>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!plan) return null;
  const can = (a: TrainingPlan['actions'][number]) => plan.actions.includes(a);

  async function act(action: 'submit' | 'approve', message: string) {
    if (!plan) return;
    setBusy(true);
    try {
      await postJson(`/api/training-plans/${plan.id}/${action}`);
      notify(message, { type: 'success' });
      refresh();
      onChanged();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  }

  const waiting = awaitingText(plan);
  return (
    <Box data-testid="plan-decisions" sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      {plan.status === 'returned' && <Alert severity="warning">Returned: change what was asked (see the history below) and submit it again.</Alert>}
      {waiting && <Alert severity="info" data-testid="plan-awaiting">{`This plan ${waiting}.`}</Alert>}
      {plan.status === 'approved' && <Alert severity="success">Approved{plan.coGoverned ? ' by the firm and the union' : ' by the firm'}: it sets the firm's training commitment targets for {plan.year}.</Alert>}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {can('edit') && <EditButton variant="outlined" />}
        {can('submit') && (
          <Button variant="contained" disabled={busy} onClick={() => act('submit', plan.coGoverned || plan.status === 'draft' ? 'Plan submitted for approval' : 'Plan submitted')}>
            Submit for approval
          </Button>
        )}
        {can('approve') && (
          <Button variant="contained" color="success" disabled={busy} onClick={() => act('approve', 'You approved the plan')}>
            Approve
          </Button>
        )}
        {can('return') && (
          <Button variant="outlined" color="warning" disabled={busy} onClick={() => setReturning(true)}>
            Return with a comment
          </Button>
        )}
      </Box>
      {returning && (
        <ReasonDialog
          title={`Return the ${plan.year} plan of ${plan.organisationName}`}
          explanation="Say what should change: the firm sees your comment in the plan's history and by e-mail, and submits the plan again. Both approvals start over."
          confirmLabel="Return the plan"
          color="warning"
          onClose={() => setReturning(false)}
          onConfirm={async (comment) => {
            await postJson(`/api/training-plans/${plan.id}/return`, { comment });
            notify('Plan returned with your comment', { type: 'success' });
            refresh();
            onChanged();
          }}
        />
      )}
    </Box>
  );
}
