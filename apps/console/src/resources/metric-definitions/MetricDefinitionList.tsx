import { DataTable, List, SelectField, TextField } from 'react-admin';
import { metricDirectionShortChoices } from '../../performance/choices';
import { EnabledField, FrequencyField, RangeField, ReportersField } from './MetricDefinitionFields';
import { metricDefinitionFilters } from './MetricDefinitionFilters';
import { ToggleEnabledButton } from './ToggleEnabledButton';

export function MetricDefinitionList() {
  return (
    <List filters={metricDefinitionFilters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="unit" disableSort>
          <TextField source="unit" />
        </DataTable.Col>
        <DataTable.Col source="direction" label="Better">
          <SelectField source="direction" choices={metricDirectionShortChoices} />
        </DataTable.Col>
        <DataTable.Col source="minValue" label="Range" disableSort>
          <RangeField compact />
        </DataTable.Col>
        <DataTable.Col source="frequency">
          <FrequencyField />
        </DataTable.Col>
        <DataTable.Col source="reporters" label="Reported by" disableSort>
          <ReportersField />
        </DataTable.Col>
        <DataTable.Col source="enabled">
          <EnabledField />
        </DataTable.Col>
        <DataTable.Col label="" disableSort>
          <ToggleEnabledButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
