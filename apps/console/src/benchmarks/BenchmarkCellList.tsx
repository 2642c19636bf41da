import Chip from '@mui/material/Chip';
import { DateTimeField } from '../common/DateFields';
import Tooltip from '@mui/material/Tooltip';
import { DataTable, List, NumberField, ReferenceField, ReferenceInput, SelectInput, TextField, useRecordContext, usePermissions } from 'react-admin';
import type { BenchmarkCell } from '@tandem/contracts';
import type { TandemPermissions } from '../providers/authProvider';

const filters = [
  <ReferenceInput key="periodId" source="periodId" reference="periods" sort={{ field: 'startsOn', order: 'DESC' }} alwaysOn>
    <SelectInput label="Period" optionText="code" />
  </ReferenceInput>,
  <ReferenceInput key="metricId" source="metricId" reference="metric-definitions" sort={{ field: 'code', order: 'ASC' }} perPage={100} alwaysOn>
    <SelectInput label="Metric" optionText="code" />
  </ReferenceInput>,
  <ReferenceInput key="peerGroupId" source="peerGroupId" reference="peer-groups" sort={{ field: 'name', order: 'ASC' }} perPage={200} alwaysOn>
    <SelectInput label="Peer group" optionText="name" />
  </ReferenceInput>,
];

/** Shown, or withheld with the reason (the API sends no figure for a withheld cell; staff see it marked). */
function Disclosure() {
  const cell = useRecordContext<BenchmarkCell>();
  if (!cell) return null;
  if (!cell.suppressed) return <Chip size="small" color="success" variant="outlined" label="published" />;
  return (
    <Tooltip title={cell.n === null ? 'no figure is sent for a withheld cell' : 'withheld from members and funders; staff see the figures'}>
      <Chip size="small" color="warning" variant="outlined" label={`withheld: ${cell.reason ?? ''}`} />
    </Tooltip>
  );
}

function Figure({ source }: { source: keyof BenchmarkCell }) {
  return <NumberField source={source} options={{ maximumFractionDigits: 2 }} emptyText="—" />;
}

/** The benchmark explorer: period × metric × peer group, read from stored cells through disclosure control. */
export function BenchmarkCellList() {
  const { permissions } = usePermissions<TandemPermissions>();
  const staff = permissions?.role === 'consortium_staff' || permissions?.role === 'platform_admin';
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'ASC' }} perPage={50} title="Benchmarks">
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="peerGroupId" label="Peer group" disableSort>
          <ReferenceField source="peerGroupId" reference="peer-groups" link={false}>
            <TextField source="name" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="metricId" label="Metric" disableSort>
          <ReferenceField source="metricId" reference="metric-definitions" link={false}>
            <TextField source="code" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="periodId" label="Period" disableSort>
          <ReferenceField source="periodId" reference="periods" link={false}>
            <TextField source="code" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="n" label="n" disableSort>
          <Figure source="n" />
        </DataTable.Col>
        <DataTable.Col source="p25" label="p25" disableSort>
          <Figure source="p25" />
        </DataTable.Col>
        <DataTable.Col source="median" label="Median" disableSort>
          <Figure source="median" />
        </DataTable.Col>
        <DataTable.Col source="p75" label="p75" disableSort>
          <Figure source="p75" />
        </DataTable.Col>
        <DataTable.Col source="mean" label="Mean" disableSort>
          <Figure source="mean" />
        </DataTable.Col>
        <DataTable.Col source="pooled" label="Pooled" disableSort>
          <Figure source="pooled" />
        </DataTable.Col>
        {staff && (
          <DataTable.Col source="exclusions.notValidated" label="Not validated" disableSort>
            <NumberField source="exclusions.notValidated" />
          </DataTable.Col>
        )}
        {staff && (
          <DataTable.Col source="exclusions.unconfirmedOutlier" label="Unconfirmed outliers" disableSort>
            <NumberField source="exclusions.unconfirmedOutlier" />
          </DataTable.Col>
        )}
        <DataTable.Col source="suppressed" label="Disclosure" disableSort>
          <Disclosure />
        </DataTable.Col>
        <DataTable.Col source="computedAt" label="Computed">
          <DateTimeField source="computedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
