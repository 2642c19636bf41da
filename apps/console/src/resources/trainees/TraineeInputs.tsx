import { BooleanInput, DateInput, required, TextInput } from 'react-admin';
import { FormRow } from '../../common/FormRow';
import { pickFields } from '../../common/pick';

const FIELDS = ['firstName', 'lastName', 'socCode', 'frontline', 'hireDate'] as const;
export const traineeBody = pickFields(FIELDS);

export function TraineeInputs() {
  return (
    <>
      <FormRow>
        <TextInput source="firstName" label="First name" validate={required()} />
        <TextInput source="lastName" label="Last name" validate={required()} />
      </FormRow>
      <FormRow>
        <TextInput source="socCode" label="Occupation (SOC code)" helperText="e.g. 51-4041" />
        <DateInput source="hireDate" label="Hired" />
        <BooleanInput source="frontline" label="Frontline worker" />
      </FormRow>
    </>
  );
}
