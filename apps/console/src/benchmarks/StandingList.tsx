import { DataTable, List, NumberField, ReferenceField, ReferenceInput, SelectInput, TextField } from 'react-admin';

const filters = [
  <ReferenceInput key="periodId" source="periodId" reference="periods" sort={{ field: 'startsOn', order: 'DESC' }} alwaysOn>
    <SelectInput label="Period" optionText="code" />
  </ReferenceInput>,
  <ReferenceInput key="metricId" source="metricId" reference="metric-definitions" sort={{ field: 'code', order: 'ASC' }} perPage={100} alwaysOn>
    <SelectInput label="Metric" optionText="code" />
  </ReferenceInput>,
];

/** My standing: the firm's own value against each peer group; a rank only where the group is shown to it. */
export function StandingList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'ASC' }} perPage={50} title="My standing">
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="metricId" label="Metric" disableSort>
          <ReferenceField source="metricId" reference="metric-definitions" link={false}>
            <TextField source="code" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="peerGroupId" label="Peer group" disableSort>
          <ReferenceField source="peerGroupId" reference="peer-groups" link={false}>
            <TextField source="name" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="periodId" label="Period" disableSort>
          <ReferenceField source="periodId" reference="periods" link={false}>
            <TextField source="code" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="value" label="My value">
          <NumberField source="value" options={{ maximumFractionDigits: 2 }} />
        </DataTable.Col>
        <DataTable.Col source="percentileRank" label="Percentile (100 = best)" disableSort>
          <NumberField source="percentileRank" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="quartile" label="Quartile (1 = best)" disableSort>
          <NumberField source="quartile" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="changeSincePrevious" label="Since previous" disableSort>
          <NumberField source="changeSincePrevious" emptyText="—" options={{ signDisplay: 'exceptZero', maximumFractionDigits: 2 }} />
        </DataTable.Col>
        <DataTable.Col source="changeSinceBaseline" label="Since baseline" disableSort>
          <NumberField source="changeSinceBaseline" emptyText="—" options={{ signDisplay: 'exceptZero', maximumFractionDigits: 2 }} />
        </DataTable.Col>
        <DataTable.Col source="distanceToGoal" label="To goal" disableSort>
          <NumberField source="distanceToGoal" emptyText="—" options={{ maximumFractionDigits: 2 }} />
        </DataTable.Col>
        <DataTable.Col source="reason" label="Peers withheld" disableSort>
          <TextField source="reason" emptyText="" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
