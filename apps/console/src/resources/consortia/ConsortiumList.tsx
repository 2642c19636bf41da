import { DataTable, List } from 'react-admin';
import type { Consortium } from '@tandem/contracts';
import { humanize } from '../../common/choices';
import { ResponsiveList } from '../../common/ResponsiveList';
import { consortiumFilters } from './ConsortiumFilters';
import { DateTimeField } from '../../common/DateFields';

export function ConsortiumList() {
  return (
    <List filters={consortiumFilters} sort={{ field: 'name', order: 'ASC' }}>
      <ResponsiveList<Consortium>
        rowClick="show"
        primaryText={(c) => c.name}
        secondaryText={(c) => `${c.region} · ${humanize(c.reportingCalendar).toLowerCase()} calendar · disclosure k = ${c.disclosureThreshold}`}
        tertiaryText={(c) => c.slug}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="slug" />
          <DataTable.Col source="region" />
          <DataTable.Col source="reportingCalendar" disableSort label="Calendar" />
          <DataTable.NumberCol source="disclosureThreshold" disableSort label="Disclosure k" />
          <DataTable.Col source="createdAt" label="Created" field={DateTimeField} />
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
