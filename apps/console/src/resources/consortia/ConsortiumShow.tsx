import { DateField, NumberField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { monthChoices, reportingCalendarChoices } from '../../common/choices';

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
        <DateField source="createdAt" showTime />
        <DateField source="updatedAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
