import Box from '@mui/material/Box';
import AddIcon from '@mui/icons-material/PlaylistAdd';
import UploadFile from '@mui/icons-material/UploadFile';
import {
  Button,
  CreateButton,
  DataTable,
  ExportButton,
  FilterButton,
  LinkBase,
  List,
  SelectField,
  TopToolbar,
  useCanAccess,
  usePermissions,
} from 'react-admin';
import type { MetricValue } from '@tandem/contracts';
import type { TandemPermissions } from '../../providers/authProvider';
import { formatDateTime } from '../../common/formatDate';
import { formatFigure } from '../../common/figures';
import { metricValueSourceShortChoices } from '../../common/enumChoices';
import { FirmName } from '../../common/FirmName';
import { DistanceToGoalField, FigureField, ImprovementField, MetricField, OutlierField } from './MetricValueFields';
import { metricValueFilters } from './MetricValueFilters';
import { RejectButton, ValidateManyButton } from './MetricValueActions';
import { DateTimeField } from '../../common/DateFields';
import { ResponsiveList } from '../../common/ResponsiveList';
import { StatusChip, stateLabel } from '../../common/StatusChip';

function ImportButton() {
  const { canAccess } = useCanAccess({ resource: 'imports', action: 'create' });
  if (!canAccess) return null;
  return (
    <Button component={LinkBase} to="/imports/create" label="Import CSV">
      <UploadFile />
    </Button>
  );
}

function MetricValueListActions({ buyer }: { buyer: boolean }) {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton label={buyer ? 'Report about a supplier' : 'Enter a period'} icon={<AddIcon />} />
      <ImportButton />
      <ExportButton />
    </TopToolbar>
  );
}

/**
 * Reported values with their progress (improvement since baseline, distance to goal). For
 * staff it is the validation queue: submitted values first, outliers flagged, bulk validate
 * and per-row rejection.
 */
export function MetricValueList() {
  const { permissions } = usePermissions<TandemPermissions>();
  const { canAccess: canValidate } = useCanAccess({ resource: 'metric-values', action: 'validate' });
  const staff = permissions?.role === 'consortium_staff' || permissions?.role === 'platform_admin';
  const buyer = permissions?.role === 'customer_buyer';
  if (!permissions) return null;
  return (
    <List
      title={canValidate ? 'Validation queue' : undefined}
      filters={metricValueFilters(staff)}
      filterDefaultValues={canValidate ? { status: 'submitted' } : undefined}
      sort={{ field: canValidate ? 'submittedAt' : 'createdAt', order: canValidate ? 'ASC' : 'DESC' }}
      actions={<MetricValueListActions buyer={buyer} />}
      perPage={25}
    >
      {/* On a phone one line per value; a value opens on its page. */}
      <ResponsiveList<MetricValue>
        rowClick="show"
        primaryText={(v) => `${v.metricCode} · ${v.periodCode}`}
        secondaryText={<FirmName source="organisationId" />}
        tertiaryText={(v) => `${formatFigure(v.value)} · ${stateLabel(v.status)}${v.submittedAt ? ` · ${formatDateTime(v.submittedAt)}` : ''}`}
      >
        <DataTable rowClick="show" bulkActionButtons={canValidate ? <ValidateManyButton /> : false}>
          <DataTable.Col source="organisationId" label="Firm" disableSort>
            <FirmName source="organisationId" />
          </DataTable.Col>
          <DataTable.Col source="metricCode" label="Metric" disableSort>
            <MetricField />
          </DataTable.Col>
          <DataTable.Col source="periodCode" label="Period" disableSort sx={{ whiteSpace: 'nowrap' }} />
          <DataTable.Col source="value" label="Value">
            <FigureField />
          </DataTable.Col>
          <DataTable.Col source="status">
            <Box sx={{ display: 'flex', gap: 0.5, alignItems: 'center' }}>
              <StatusChip source="status" />
              <OutlierField />
            </Box>
          </DataTable.Col>
          <DataTable.Col source="improvementSinceBaseline" label="Since baseline" disableSort>
            <ImprovementField />
          </DataTable.Col>
          <DataTable.Col source="distanceToGoal" label="To goal" disableSort>
            <DistanceToGoalField />
          </DataTable.Col>
          <DataTable.Col source="source" disableSort>
            <SelectField source="source" choices={metricValueSourceShortChoices} />
          </DataTable.Col>
          <DataTable.Col source="submittedAt" label="Submitted">
            <DateTimeField source="submittedAt" emptyText="—" />
          </DataTable.Col>
          {canValidate ? (
            <DataTable.Col label="" disableSort>
              <RejectButton compact />
            </DataTable.Col>
          ) : null}
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
