import { AutocompleteInput, Create, ReferenceInput, required, SimpleForm } from 'react-admin';
import { FormRow } from '../../common/FormRow';

/** Staff record that a union organisation represents a member firm. */
export function UnionRepresentationCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <FormRow>
          <ReferenceInput source="unionOrganisationId" reference="organisations" filter={{ kind: 'union' }} sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput label="Union" optionText="name" validate={required()} filterToQuery={(q: string) => ({ q })} />
          </ReferenceInput>
          <ReferenceInput source="firmOrganisationId" reference="organisations" filter={{ unionised: true }} sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput label="Member firm" optionText="name" validate={required()} filterToQuery={(q: string) => ({ q })} helperText="Firms marked unionised" />
          </ReferenceInput>
        </FormRow>
      </SimpleForm>
    </Create>
  );
}
