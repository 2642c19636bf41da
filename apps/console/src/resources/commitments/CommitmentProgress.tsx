import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import type { Commitment } from '@tandem/contracts';

/** Lower is better for days to pay: the bar fills as the figure stays within the target. */
const AT_MOST = new Set(['payment_within_days']);

/** How far a commitment has come: the figure against its target, with the pace expected by now. */
export function progressOf(c: Pick<Commitment, 'kind' | 'target' | 'actual'>): number {
  if (c.actual === null || c.target <= 0) return 0;
  const share = AT_MOST.has(c.kind) ? (c.actual <= c.target ? 1 : c.target / c.actual) : c.actual / c.target;
  return Math.max(0, Math.min(100, Math.round(share * 100)));
}

export function CommitmentProgressBar({ commitment }: { commitment: Commitment }) {
  const value = progressOf(commitment);
  const color = commitment.state === 'missed' ? 'error' : commitment.state === 'at_risk' ? 'warning' : 'success';
  const figure = commitment.actual === null ? 'no figure yet' : `${commitment.actual.toLocaleString()} of ${commitment.target.toLocaleString()}`;
  const pace = commitment.expected !== null && commitment.state !== 'met' && commitment.state !== 'waived' ? ` · ${commitment.expected.toLocaleString()} expected by now` : '';
  return (
    <Box sx={{ minWidth: 160 }} data-testid={`progress-${commitment.id}`}>
      <LinearProgress variant="determinate" value={value} color={color} aria-label={`${value} % of the target`} />
      <Typography variant="caption" color="text.secondary">
        {figure}
        {pace}
      </Typography>
    </Box>
  );
}

export function CommitmentProgressField(_props: { label?: string; source?: string }) {
  const record = useRecordContext<Commitment>();
  return record ? <CommitmentProgressBar commitment={record} /> : null;
}
