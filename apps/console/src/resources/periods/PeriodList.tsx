import { CreateButton, DataTable, ExportButton, List, SelectField, TopToolbar } from 'react-admin';
import type { Period } from '@tandem/contracts';
import { formatDay } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';
import { periodKindChoices } from '../../common/enumChoices';
import { StatusChip, stateLabel } from '../../common/StatusChip';
import { ClosePeriodButton, EnterValuesButton, GenerateCalendarButton, PublishPeriodButton } from './PeriodButtons';
import { periodFilters } from './PeriodFilters';
import { DayField } from '../../common/DateFields';

function PeriodListActions() {
  return (
    <TopToolbar>
      <GenerateCalendarButton />
      <CreateButton />
      <ExportButton />
    </TopToolbar>
  );
}

export function PeriodList() {
  return (
    <List filters={periodFilters} sort={{ field: 'startsOn', order: 'DESC' }} actions={<PeriodListActions />}>
      {/* On a phone the period's closing actions live on its page. */}
      <ResponsiveList<Period>
        rowClick="show"
        primaryText={(p) => p.code}
        secondaryText={(p) => `Due ${formatDay(p.dueOn)} · ${formatDay(p.startsOn)} – ${formatDay(p.endsOn)}`}
        tertiaryText={(p) => stateLabel(p.state)}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="code" />
          <DataTable.Col source="kind">
            <SelectField source="kind" choices={periodKindChoices} />
          </DataTable.Col>
          <DataTable.Col source="startsOn" label="Starts" field={DayField} />
          <DataTable.Col source="endsOn" label="Ends" field={DayField} />
          <DataTable.Col source="dueOn" label="Due" field={DayField} />
          <DataTable.Col source="state">
            <StatusChip source="state" />
          </DataTable.Col>
          <DataTable.Col label="" disableSort>
            <EnterValuesButton />
            <ClosePeriodButton />
            <PublishPeriodButton />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
