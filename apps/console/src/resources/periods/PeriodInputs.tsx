import { DateInput, regex, required, TextInput } from 'react-admin';
import { FormRow } from '../../common/FormRow';
import { pickFields } from '../../common/pick';

export const PERIOD_UPDATE_FIELDS = ['startsOn', 'endsOn', 'dueOn'] as const;
export const PERIOD_CREATE_FIELDS = ['code', ...PERIOD_UPDATE_FIELDS] as const;
export const periodCreateBody = pickFields(PERIOD_CREATE_FIELDS);
export const periodUpdateBody = pickFields(PERIOD_UPDATE_FIELDS);

export function PeriodCodeInput() {
  return (
    <TextInput
      source="code"
      validate={[required(), regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/, 'YYYY-Qn for a quarter or YYYY-MM for a month')]}
      helperText="2027-Q1 (a quarter) or 2027-01 (a month); the dates default from it"
    />
  );
}

export function PeriodInputs() {
  return (
    <FormRow>
      <DateInput source="startsOn" label="Starts on" />
      <DateInput source="endsOn" label="Ends on" />
      <DateInput source="dueOn" label="Due on" helperText="Defaults to 30 days after the end" />
    </FormRow>
  );
}
