import { AutocompleteInput, ReferenceInput, required, SelectInput } from 'react-admin';
import { roleChoices } from '../../common/choices';
import { FormRow } from '../../common/FormRow';
import { pickFields } from '../../common/pick';

export const ROLE_ASSIGNMENT_FIELDS = ['userId', 'role', 'consortiumId', 'organisationId'] as const;
export const roleAssignmentBody = pickFields(ROLE_ASSIGNMENT_FIELDS);

export function RoleAssignmentInputs() {
  return (
    <>
      <FormRow>
        <ReferenceInput source="userId" reference="users" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput label="User" optionText="name" validate={required()} filterToQuery={(q: string) => ({ q })} />
        </ReferenceInput>
        <SelectInput source="role" choices={roleChoices} validate={required()} />
      </FormRow>
      <FormRow>
        <ReferenceInput source="consortiumId" reference="consortia" sort={{ field: 'name', order: 'ASC' }}>
          <SelectInput label="Consortium" optionText="name" helperText="Defaults to your own consortium" />
        </ReferenceInput>
        <ReferenceInput source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput label="Organisation" optionText="name" filterToQuery={(q: string) => ({ q })} />
        </ReferenceInput>
      </FormRow>
    </>
  );
}
