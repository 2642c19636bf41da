import { minValue, NumberInput, regex, required, SelectInput, TextInput } from 'react-admin';
import { FormRow } from '../../common/FormRow';
import { DISCLOSURE_THRESHOLD_DEFAULT, DISCLOSURE_THRESHOLD_MIN } from '@tandem/contracts';
import { monthChoices, reportingCalendarChoices } from '../../common/choices';
import { pickFields } from '../../common/pick';

export const CONSORTIUM_FIELDS = ['name', 'slug', 'region', 'fiscalYearStartMonth', 'disclosureThreshold', 'reportingCalendar'] as const;
export const consortiumBody = pickFields(CONSORTIUM_FIELDS);

export const consortiumDefaults = {
  fiscalYearStartMonth: 1,
  disclosureThreshold: DISCLOSURE_THRESHOLD_DEFAULT,
  reportingCalendar: 'quarterly',
};

export function ConsortiumInputs() {
  return (
    <>
      <FormRow>
        <TextInput source="name" validate={required()} />
        <TextInput
          source="slug"
          validate={[required(), regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and dashes')]}
          helperText="Used in URLs and exports, e.g. great-lakes"
        />
        <TextInput source="region" validate={required()} />
      </FormRow>
      <FormRow>
        <SelectInput
          source="fiscalYearStartMonth"
          label="Fiscal year starts in"
          choices={monthChoices}
          parse={(value: string) => (value === '' ? null : Number(value))}
          format={(value: number | null | undefined) => (value == null ? '' : String(value))}
          validate={required()}
        />
        <NumberInput
          source="disclosureThreshold"
          step={1}
          validate={[required(), minValue(DISCLOSURE_THRESHOLD_MIN)]}
          helperText={`Smallest group whose figures may be shown (never below ${DISCLOSURE_THRESHOLD_MIN})`}
        />
        <SelectInput source="reportingCalendar" choices={reportingCalendarChoices} validate={required()} />
      </FormRow>
    </>
  );
}
