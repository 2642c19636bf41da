import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { usePhone } from '../../common/ResponsiveList';
import { useState } from 'react';
import { useCanAccess, useRecordContext } from 'react-admin';
import type { Period, PeriodCompleteness, PeriodCompletenessFirm, SubmissionStatus } from '@tandem/contracts';

const PAGE_SIZES = [25, 50, 100];
import { formatDateTime } from '../../common/formatDate';
import { useApiGet } from '../../common/useApiGet';
import { RemindLateButton } from './RemindLateButton';

const TONE: Record<SubmissionStatus, 'success' | 'warning' | 'default'> = { complete: 'success', partial: 'warning', missing: 'default' };

function StatusChips({ firm }: { firm: PeriodCompletenessFirm }) {
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
      <Chip size="small" variant="outlined" color={TONE[firm.status]} label={firm.status === 'complete' ? 'Complete' : firm.status === 'partial' ? 'Partial' : 'Missing'} />
      {firm.late && <Chip size="small" color="error" label="Late" />}
    </Box>
  );
}

function missingText(firm: PeriodCompletenessFirm): string {
  if (firm.missingMetrics.length === 0) return '—';
  return firm.missingMetrics.length === firm.expected ? `all ${firm.expected}` : firm.missingMetrics.join(', ');
}

/** Totals of a period's completeness as the API counted them: firms complete, partial, missing, late. */
function Totals({ totals }: { totals: PeriodCompleteness['totals'] }) {
  const items: [string, number][] = [
    ['Reporting firms', totals.firms],
    ['Complete', totals.complete],
    ['Partial', totals.partial],
    ['Missing', totals.missing],
    ['Late', totals.late],
  ];
  return (
    <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
      {items.map(([label, value]) => (
        <Box key={label}>
          <Typography variant="caption" color="text.secondary">
            {label}
          </Typography>
          <Typography variant="h6" data-testid={`completeness-${label.toLowerCase().replace(' ', '-')}`}>
            {value.toLocaleString()}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/**
 * Which reporting firms have submitted the period's figures, which are missing and which are
 * late (staff see every firm, a firm only itself). The API orders them, late and incomplete
 * first, and answers one page at a time: a consortium of thousands of firms pages through.
 */
export function PeriodCompletenessPanel() {
  const period = useRecordContext<Period>();
  const { canAccess } = useCanAccess({ resource: 'periods', action: 'completeness' });
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(PAGE_SIZES[0]!);
  const [lateOnly, setLateOnly] = useState(false);
  const query = `limit=${perPage}&offset=${page * perPage}${lateOnly ? '&late=true' : ''}`;
  const state = useApiGet<PeriodCompleteness>(period && canAccess ? `/api/periods/${period.id}/completeness?${query}` : null);
  const compact = usePhone();
  if (!period || !canAccess) return null;
  if (state.status === 'loading') return <LinearProgress />;
  if (state.status === 'error') return <Alert severity="error">{state.message}</Alert>;
  const { totals, firms: sorted, asOf, expectedMetrics, matching } = state.data;
  const pager =
    matching > PAGE_SIZES[0]! || page > 0 ? (
      <TablePagination
        component="div"
        count={matching}
        page={page}
        rowsPerPage={perPage}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_e, next) => setPage(next)}
        onRowsPerPageChange={(e) => {
          setPerPage(Number(e.target.value));
          setPage(0);
        }}
      />
    ) : null;
  return (
    <Box data-testid="period-completeness" sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, minWidth: 0 }}>
      <Typography variant="h6">Completeness</Typography>
      <Typography variant="body2" color="text.secondary">
        {expectedMetrics.length} metrics owed by each reporting firm ({expectedMetrics.join(', ')}); late judged on {asOf}.
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Totals totals={totals} />
        <RemindLateButton period={period} lateFirms={totals.late} onDone={state.reload} />
      </Box>
      {totals.firms > 1 && totals.late > 0 && (
        <FormControlLabel
          control={
            <Switch
              checked={lateOnly}
              onChange={(e) => {
                setLateOnly(e.target.checked);
                setPage(0);
              }}
            />
          }
          label="Late firms only"
        />
      )}
      {compact ? (
        // On a phone: one firm per line, its state and what it still owes under its name.
        <Box>
          {sorted.map((f) => (
            <Box key={f.organisationId} data-testid="completeness-row" sx={{ py: 1, borderTop: '1px solid', borderColor: 'divider' }}>
              <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, alignItems: 'center' }}>
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {f.organisationName}
                </Typography>
                <StatusChips firm={f} />
              </Box>
              <Typography variant="caption" color="text.secondary" component="div">
                {f.submitted} of {f.expected} submitted, {f.validated} validated · missing {missingText(f)}
              </Typography>
            </Box>
          ))}
        </Box>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Completeness by firm">
            <TableHead>
              <TableRow>
                <TableCell>Firm</TableCell>
                <TableCell>Status</TableCell>
                <TableCell align="right">Submitted</TableCell>
                <TableCell align="right">Validated</TableCell>
                <TableCell>Missing</TableCell>
                <TableCell>Last submitted</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {sorted.map((f) => (
                <TableRow key={f.organisationId} data-testid="completeness-row">
                  <TableCell>{f.organisationName}</TableCell>
                  <TableCell>
                    <StatusChips firm={f} />
                  </TableCell>
                  <TableCell align="right">
                    {f.submitted} / {f.expected}
                  </TableCell>
                  <TableCell align="right">{f.validated}</TableCell>
                  <TableCell sx={{ maxWidth: 320 }}>{missingText(f)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{f.lastSubmittedAt ? formatDateTime(f.lastSubmittedAt) : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {pager}
    </Box>
  );
}
