import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link, useCreatePath } from 'react-admin';
import type { StandingHistoryEntry } from '@tandem/contracts';
import { formatFigure } from '../../common/figures';
import { StateChip, stateLabel } from '../../common/StatusChip';
import { useApiGet } from '../../common/useApiGet';

const STANDING_COLOUR: Record<string, string> = { preferred: '#2e7d32', approved: '#1d4e89', development: '#e08a1e', probation: '#c62828' };

/** A relationship's score and standing per period (oldest first): chart and table. */
export function StandingHistory({ relationshipId }: { relationshipId: string }) {
  const history = useApiGet<StandingHistoryEntry[]>(`/api/supply-relationships/${relationshipId}/standing-history`);
  const createPath = useCreatePath();
  if (history.status === 'loading') return <LinearProgress />;
  if (history.status === 'error') return <Alert severity="error">{history.message}</Alert>;
  const entries = history.data;
  if (entries.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="standing-history">
        No final standing to show yet: scorecards follow validated values, and a customer sees only the standings its supplier&apos;s sharing lets it read.
      </Typography>
    );
  }
  return (
    <Box data-testid="standing-history" sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <Box sx={{ flex: '2 1 480px', minWidth: 360, height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={entries} margin={{ top: 12, right: 24, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e4e7ec" />
            <XAxis dataKey="periodCode" tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} width={40} />
            <Tooltip formatter={(v, _name, item) => [`${formatFigure(Number(v), 1)} · ${stateLabel(String((item.payload as StandingHistoryEntry).standing))}`, 'Score']} />
            <Line
              type="linear"
              dataKey="score"
              stroke="#1d4e89"
              strokeWidth={2}
              isAnimationActive={false}
              dot={(props: { cx?: number; cy?: number; index?: number; payload?: StandingHistoryEntry }) => (
                <circle key={`s-${props.index ?? 0}`} cx={props.cx} cy={props.cy} r={5} fill={STANDING_COLOUR[props.payload?.standing ?? ''] ?? '#1d4e89'} stroke="#fff" strokeWidth={1.5} />
              )}
            />
          </LineChart>
        </ResponsiveContainer>
      </Box>
      <Table size="small" sx={{ flex: '1 1 320px', maxWidth: 440 }} data-testid="standing-history-table">
        <TableHead>
          <TableRow>
            <TableCell>Period</TableCell>
            <TableCell align="right">Score</TableCell>
            <TableCell>Standing</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...entries].reverse().map((entry) => (
            <TableRow key={entry.scorecardId} hover>
              <TableCell>
                <Link to={createPath({ resource: 'scorecards', id: entry.scorecardId, type: 'show' })}>{entry.periodCode}</Link>
              </TableCell>
              <TableCell align="right">{formatFigure(entry.score, 1)}</TableCell>
              <TableCell>
                <StateChip value={entry.standing} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
