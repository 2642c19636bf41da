import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { DataTable, List, NumberField, ReferenceField, TextField, TopToolbar, useGetList, useRecordContext, usePermissions } from 'react-admin';
import type { BenchmarkCell, PeerGroup, Period } from '@tandem/contracts';
import type { TandemPermissions } from '../providers/authProvider';
import { formatFigure } from '../common/figures';
import { ResponsiveList } from '../common/ResponsiveList';
import { benchmarkFilters } from './benchmarkFilters';
import { kindLabel } from './benchmarkModel';
import { RecomputeButton } from './RecomputeButton';

/** Shown, or withheld with the reason (the API sends no figure for a withheld cell; staff see it marked). */
function Disclosure(_: { label?: string }) {
  const cell = useRecordContext<BenchmarkCell>();
  if (!cell) return null;
  if (!cell.suppressed) return <Chip size="small" color="success" variant="outlined" label="published" />;
  return (
    <Tooltip title={cell.n === null ? 'no figure is sent for a withheld cell' : 'withheld from members and funders; staff see the figures'}>
      <Box sx={{ minWidth: 110 }}>
        <Chip size="small" color="warning" variant="outlined" label="withheld" data-testid="cell-withheld" />
        <Typography variant="caption" color="text.secondary" component="div" data-testid="cell-reason">
          {cell.reason}
        </Typography>
      </Box>
    </Tooltip>
  );
}

/** The notValidated and unconfirmed-outlier counts of a cell (staff), in one column. */
function Exclusions(_: { label?: string }) {
  const cell = useRecordContext<BenchmarkCell>();
  if (!cell?.exclusions) return null;
  const { notValidated, unconfirmedOutlier } = cell.exclusions;
  if (notValidated === 0 && unconfirmedOutlier === 0) return <>—</>;
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
      {[notValidated > 0 ? `${notValidated} not validated` : null, unconfirmedOutlier > 0 ? `${unconfirmedOutlier} outlier${unconfirmedOutlier === 1 ? '' : 's'}` : null].filter(Boolean).join(', ')}
    </Typography>
  );
}

function GroupName(_: { label?: string }) {
  return (
    <ReferenceField source="peerGroupId" reference="peer-groups" link={false}>
      <WithKind />
    </ReferenceField>
  );
}

function WithKind() {
  const group = useRecordContext<PeerGroup>();
  if (!group) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column', minWidth: 140 }}>
      <Typography variant="body2" component="span">
        {group.name}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="span">
        {kindLabel(group.kind)}
      </Typography>
    </Box>
  );
}

/** The group's name alone, for the phone line (inline text). */
function GroupNameText() {
  const group = useRecordContext<PeerGroup>();
  return group ? <>{group.name}</> : null;
}

const figure = { maximumFractionDigits: 2 } as const;

/** The statistics a cell carries, in the order a distribution reads (p10/p90 only from n = 10). */
const STATISTICS = [
  ['p10', 'p10'],
  ['p25', 'p25'],
  ['median', 'Median'],
  ['p75', 'p75'],
  ['p90', 'p90'],
  ['mean', 'Mean'],
  ['pooled', 'Pooled'],
] as const satisfies readonly (readonly [keyof BenchmarkCell, string])[];

/** The phone line of a cell: its size and median, or why it is withheld. */
function phoneFigures(cell: BenchmarkCell): string {
  if (cell.n === null) return `withheld: ${cell.reason ?? ''}`;
  return `n ${formatFigure(cell.n)} · median ${formatFigure(cell.median, 2)}${cell.suppressed ? ` · withheld from members: ${cell.reason ?? ''}` : ''}`;
}

/**
 * The benchmark explorer: metric × peer group × period, read from stored cells through
 * disclosure control. Staff read every figure with the exclusions and the reason a cell is
 * withheld from members, and recompute the period shown.
 */
function CellList({ staff, periodId }: { staff: boolean; periodId: string | undefined }) {
  return (
    <List
      filters={benchmarkFilters(staff)}
      filterDefaultValues={periodId ? { periodId } : {}}
      sort={{ field: 'metricId', order: 'ASC' }}
      perPage={50}
      title="Benchmarks"
      actions={staff ? <TopToolbar><RecomputeButton /></TopToolbar> : false}
    >
      {/* On a phone: the group, then the metric, period and size or reason; the state on the right. */}
      <ResponsiveList<BenchmarkCell>
        primaryText={
          <ReferenceField source="peerGroupId" reference="peer-groups" link={false}>
            <GroupNameText />
          </ReferenceField>
        }
        secondaryText={(cell) => (
          <>
            <ReferenceField source="metricId" reference="metric-definitions" link={false}>
              <TextField source="code" />
            </ReferenceField>
            {' · '}
            <ReferenceField source="periodId" reference="periods" link={false}>
              <TextField source="code" />
            </ReferenceField>
            {` · ${phoneFigures(cell)}`}
          </>
        )}
        tertiaryText={(cell) => (cell.suppressed ? 'withheld' : 'published')}
        rowClick={false}
      >
        <DataTable bulkActionButtons={false} rowClick={false} size="small" sx={{ '& .MuiTableCell-root': { px: 1 } }}>
          <DataTable.Col source="metricId" label="Metric">
            <ReferenceField source="metricId" reference="metric-definitions" link={false}>
              <TextField source="code" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="peerGroupId" label="Peer group">
            <GroupName />
          </DataTable.Col>
          <DataTable.Col source="periodId" label="Period">
            <ReferenceField source="periodId" reference="periods" link={false}>
              <TextField source="code" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="n" label="n" disableSort>
            <NumberField source="n" emptyText="—" />
          </DataTable.Col>
          {STATISTICS.map(([source, label]) => (
            <DataTable.Col key={source} source={source} label={label} disableSort>
              <NumberField source={source} options={figure} emptyText="—" />
            </DataTable.Col>
          ))}
          {staff && (
            <DataTable.Col source="exclusions" label="Excluded" disableSort>
              <Exclusions />
            </DataTable.Col>
          )}
          <DataTable.Col source="suppressed" label="Disclosure" disableSort>
            <Disclosure />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}

/** Opens on the latest period that has benchmarks (for members, the latest published one). */
export function BenchmarkCellList() {
  const { permissions, isPending } = usePermissions<TandemPermissions>();
  const staff = permissions?.role === 'consortium_staff' || permissions?.role === 'platform_admin';
  const latest = useGetList<Period>(
    'periods',
    { filter: staff ? { state: ['closed', 'published'], computed: true } : { state: 'published', benchmarked: true }, sort: { field: 'startsOn', order: 'DESC' }, pagination: { page: 1, perPage: 1 } },
    { enabled: !isPending },
  );
  if (isPending || latest.isPending) return <LinearProgress sx={{ mt: 2 }} />;
  return <CellList staff={staff} periodId={latest.data?.[0]?.id} />;
}
