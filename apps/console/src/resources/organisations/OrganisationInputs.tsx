import { BooleanInput, minValue, NumberInput, required, SelectInput, TextInput } from 'react-admin';
import { FormRow } from '../../common/FormRow';
import { organisationKindChoices } from '../../common/choices';
import { pickFields } from '../../common/pick';

export const ORGANISATION_FIELDS = [
  'code',
  'name',
  'kind',
  'naicsCode',
  'county',
  'region',
  'employeeCount',
  'frontlineEmployeeCount',
  'annualPayroll',
  'unionised',
] as const;
export const organisationBody = pickFields(ORGANISATION_FIELDS);

/**
 * Client-side checks are only a convenience (the NAICS format is left to the API, so its
 * field message is what a person sees, exactly as an ERP client would get it).
 */
export function OrganisationInputs() {
  return (
    <>
      <FormRow>
        <TextInput source="code" validate={required()} helperText="Short code used in CSV imports" />
        <TextInput source="name" validate={required()} />
        <SelectInput source="kind" choices={organisationKindChoices} validate={required()} />
      </FormRow>
      <FormRow>
        <TextInput source="naicsCode" label="NAICS code" helperText="6 digits" />
        <TextInput source="county" />
        <TextInput source="region" />
      </FormRow>
      <FormRow>
        <NumberInput source="employeeCount" step={1} validate={minValue(0)} />
        <NumberInput source="frontlineEmployeeCount" step={1} validate={minValue(0)} />
        <NumberInput source="annualPayroll" label="Annual payroll ($)" validate={minValue(0)} />
      </FormRow>
      <BooleanInput source="unionised" />
    </>
  );
}
