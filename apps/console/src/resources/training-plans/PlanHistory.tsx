import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { ROLE_LABELS, type TrainingPlanEvent } from '@tandem/contracts';
import type { ApiState } from '../../common/useApiGet';
import { StateChip } from '../../common/StatusChip';
import { formatDateTime } from '../../common/formatDate';

const VERB: Record<string, string> = { created: 'drafted the plan', edited: 'edited the plan', submitted: 'submitted the plan', approved: 'approved', returned: 'returned the plan' };

/** The plan's history as a timeline, oldest first: who did what, when, and what they said. */
export function PlanHistory({ state }: { state: ApiState<TrainingPlanEvent[]> }) {
  if (state.status === 'loading') return <LinearProgress />;
  if (state.status === 'error') return <Alert severity="error">{state.message}</Alert>;
  return (
    <Box component="ol" data-testid="plan-history" sx={{ listStyle: 'none', p: 0, m: 0, borderLeft: '2px solid', borderColor: 'divider' }}>
      {state.data.map((e) => (
        <Box component="li" key={e.id} data-testid={`plan-event-${e.action}`} sx={{ pl: 2, pb: 1.5, position: 'relative' }}>
          <Box sx={{ position: 'absolute', left: -7, top: 6, width: 12, height: 12, borderRadius: '50%', bgcolor: e.action === 'returned' ? 'warning.main' : e.toStatus === 'approved' ? 'success.main' : 'primary.main' }} />
          <Typography variant="body2">
            <strong>{e.actorName ?? ROLE_LABELS[e.actorRole]}</strong> ({ROLE_LABELS[e.actorRole].toLowerCase()}) {VERB[e.action] ?? e.action} <StateChip value={e.toStatus} />
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {formatDateTime(e.at)}
          </Typography>
          {e.comment && (
            <Typography variant="body2" sx={{ mt: 0.5, pl: 1.5, borderLeft: '3px solid', borderColor: e.action === 'returned' ? 'warning.main' : 'divider', fontStyle: 'italic' }} data-testid="plan-event-comment">
              {e.comment}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}
