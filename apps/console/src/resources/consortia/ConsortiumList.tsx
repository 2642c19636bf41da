import { DataTable, List } from 'react-admin';
import { consortiumFilters } from './ConsortiumFilters';
import { DateTimeField } from '../../common/DateFields';

export function ConsortiumList() {
  return (
    <List filters={consortiumFilters} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="slug" />
        <DataTable.Col source="region" />
        <DataTable.Col source="reportingCalendar" disableSort label="Calendar" />
        <DataTable.NumberCol source="disclosureThreshold" disableSort label="Disclosure k" />
        <DataTable.Col source="createdAt" label="Created" field={DateTimeField} />
      </DataTable>
    </List>
  );
}
