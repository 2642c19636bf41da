import { AutocompleteInput, BooleanInput, DateInput, ReferenceInput, required, TextInput, usePermissions } from 'react-admin';
import type { TandemPermissions } from '../../providers/authProvider';
import { FormRow } from '../../common/FormRow';
import { pickFields } from '../../common/pick';

const FIELDS = ['firstName', 'lastName', 'socCode', 'frontline', 'hireDate'] as const;
export const traineeBody = pickFields(FIELDS);
export const traineeCreateBody = pickFields([...FIELDS, 'employerOrganisationId'] as const);

/** Staff name the employer; a firm's people record their own workers. */
export function TraineeEmployerInput() {
  const { permissions } = usePermissions<TandemPermissions>();
  if (permissions?.role !== 'consortium_staff' && permissions?.role !== 'platform_admin') return null;
  return (
    <ReferenceInput source="employerOrganisationId" reference="organisations" filter={{ kind: ['supplier', 'customer'] }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput label="Employer" optionText="name" validate={required()} filterToQuery={(q: string) => ({ q })} />
    </ReferenceInput>
  );
}

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
