import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Button as RaButton, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { MetricValue, MetricValueRevision, MetricValueState } from '@tandem/contracts';
import { errorMessage, postJson } from '../../common/api';
import { formatFigure } from '../../common/figures';
import { StateChip } from '../../common/StatusChip';
import { useApiGet } from '../../common/useApiGet';
import { formatDateTime } from '../../common/formatDate';

/** The figures and status of a revision; the note when this revision changed it. */
function stateText(state: MetricValueState | null, previous: MetricValueState | null = null): string {
  if (!state) return '—';
  const ratio = state.numerator !== null && state.denominator !== null ? ` (${formatFigure(state.numerator)} / ${formatFigure(state.denominator)})` : '';
  const note = state.note && state.note !== previous?.note ? ` · note “${state.note}”` : '';
  return `${formatFigure(state.value)}${ratio} · ${state.status}${note}`;
}

/** Approve or decline a pending change of a closed period (staff). */
function DecideButtons({ value, revision, onDone }: { value: MetricValue; revision: number; onDone: () => void }) {
  const { canAccess } = useCanAccess({ resource: 'metric-values', action: 'approve-revision' });
  const notify = useNotify();
  const refresh = useRefresh();
  if (!canAccess) return null;
  const decide = async (verb: 'approve' | 'decline') => {
    try {
      await postJson(`/api/metric-values/${value.id}/revisions/${revision}/${verb}`, {});
      notify(`Revision ${revision} ${verb === 'approve' ? 'approved' : 'declined'}`, { type: 'success' });
      refresh();
      onDone();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  return (
    <>
      <RaButton label="Approve" color="success" onClick={() => void decide('approve')} />
      <RaButton label="Decline" color="error" onClick={() => void decide('decline')} />
    </>
  );
}

/** Every change of the value, each with before and after, who, when and why. */
export function MetricValueRevisions() {
  const value = useRecordContext<MetricValue>();
  const revisions = useApiGet<MetricValueRevision[]>(value ? `/api/metric-values/${value.id}/revisions` : null);
  if (!value) return null;
  if (revisions.status === 'loading') return <LinearProgress />;
  if (revisions.status === 'error') return <Alert severity="error">{revisions.message}</Alert>;
  return (
    <Table size="small" data-testid="revision-history">
      <TableHead>
        <TableRow>
          <TableCell>#</TableCell>
          <TableCell>When</TableCell>
          <TableCell>Before</TableCell>
          <TableCell>After</TableCell>
          <TableCell>Why</TableCell>
          <TableCell>Approval</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...revisions.data].reverse().map((r) => (
          <TableRow key={r.id}>
            <TableCell>{r.revision}</TableCell>
            <TableCell>{formatDateTime(r.createdAt)}</TableCell>
            <TableCell>{stateText(r.before)}</TableCell>
            <TableCell>{stateText(r.after, r.before)}</TableCell>
            <TableCell>
              <Typography variant="body2">{r.reason ?? '—'}</Typography>
            </TableCell>
            <TableCell>
              {r.approval === 'not_needed' ? (
                <Typography variant="caption" color="text.secondary">
                  applied
                </Typography>
              ) : r.approval === 'pending' ? (
                <DecideButtons value={value} revision={r.revision} onDone={revisions.reload} />
              ) : (
                <StateChip value={r.approval === 'approved' ? 'validated' : 'rejected'} />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
