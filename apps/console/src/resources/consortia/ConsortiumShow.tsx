import { NumberField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { monthChoices, reportingCalendarChoices } from '../../common/choices';
import { DateTimeField } from '../../common/DateFields';

export function ConsortiumShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="slug" />
        <TextField source="region" />
        <SelectField source="fiscalYearStartMonth" label="Fiscal year starts in" choices={monthChoices} />
        <NumberField source="disclosureThreshold" label="Disclosure threshold (k)" />
        <SelectField source="reportingCalendar" choices={reportingCalendarChoices} />
        <DateTimeField source="createdAt" />
        <DateTimeField source="updatedAt" />
      </SimpleShowLayout>
    </Show>
  );
}
