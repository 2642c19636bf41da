import { DataTable, DateInput, List, NumberField, ReferenceInput, AutocompleteInput, SearchInput } from 'react-admin';
import type { CourseSession } from '@tandem/contracts';
import { DayField } from '../../common/DateFields';
import { formatDay } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Curriculum or place" />,
  <DateInput key="from" source="from" label="Ending on or after" alwaysOn />,
  <DateInput key="to" source="to" label="Starting on or before" />,
  <ReferenceInput key="curriculumId" source="curriculumId" reference="curricula" sort={{ field: 'title', order: 'ASC' }}>
    <AutocompleteInput label="Curriculum" optionText="title" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];

const seats = (s: CourseSession) => `${s.seatsTaken} / ${s.capacity}`;

/** The session calendar, soonest first from the day chosen. */
export function CourseSessionList() {
  return (
    <List filters={filters} sort={{ field: 'startsOn', order: 'ASC' }} filterDefaultValues={{ from: new Date().toISOString().slice(0, 10) }}>
      <ResponsiveList<CourseSession>
        rowClick="show"
        primaryText={(s) => s.curriculumTitle}
        secondaryText={(s) => [`${formatDay(s.startsOn)} – ${formatDay(s.endsOn)}`, s.providerName, `${seats(s)} seats`].join(' · ')}
      >
        <DataTable rowClick="show" bulkActionButtons={false} data-testid="session-calendar">
          <DataTable.Col source="startsOn" label="Starts" field={DayField} />
          <DataTable.Col source="endsOn" label="Ends" field={DayField} />
          <DataTable.Col source="curriculumTitle" label="Curriculum" disableSort />
          <DataTable.Col source="providerName" label="Provider" disableSort />
          <DataTable.Col source="location" />
          <DataTable.Col source="hours" align="right">
            <NumberField source="hours" />
          </DataTable.Col>
          <DataTable.Col source="seatsTaken" label="Seats taken" disableSort align="right" render={seats} />
          <DataTable.Col source="costPerSeat" label="Cost per seat" align="right">
            <NumberField source="costPerSeat" options={{ style: 'currency', currency: 'USD' }} />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
