import { AutocompleteInput, ReferenceInput, SelectInput } from 'react-admin';
import { roleAssignmentStatusChoices, roleChoices } from '../../common/choices';

export const roleAssignmentFilters = [
  <ReferenceInput key="userId" source="userId" reference="users" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="User" optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={roleAssignmentStatusChoices} alwaysOn />,
  <ReferenceInput key="organisationId" source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="Organisation" optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];
