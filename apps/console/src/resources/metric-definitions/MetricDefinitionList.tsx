import { DataTable, List, SelectField, TextField } from 'react-admin';
import type { MetricDefinition } from '@tandem/contracts';
import { ResponsiveList } from '../../common/ResponsiveList';
import { metricDirectionShortChoices } from '../../common/enumChoices';
import { compactRange } from '../../common/figures';
import { EnabledField, FrequencyField, RangeField, ReportersField } from './MetricDefinitionFields';
import { metricDefinitionFilters } from './MetricDefinitionFilters';
import { ToggleEnabledButton } from './ToggleEnabledButton';

/** "% · higher is better · 0–100 · collected quarterly": what a phone shows under a metric's name. */
function metricFacts(m: MetricDefinition): string {
  return [m.unit, m.direction === 'higher' ? 'higher is better' : 'lower is better', compactRange(m), `collected ${m.collectionFrequency}`].filter(Boolean).join(' · ');
}

export function MetricDefinitionList() {
  return (
    <List filters={metricDefinitionFilters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
      {/* On a phone enabling or disabling a metric is done on its page. */}
      <ResponsiveList<MetricDefinition>
        rowClick="show"
        primaryText={(m) => `${m.code} · ${m.name}`}
        secondaryText={metricFacts}
        tertiaryText={(m) => (m.enabled ? undefined : 'Disabled')}
      >
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
      </ResponsiveList>
    </List>
  );
}
