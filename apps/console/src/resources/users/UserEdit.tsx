import { Edit, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { userUpdateBody } from './UserInputs';

const editableStatuses = [
  { id: 'active', name: 'Active' },
  { id: 'disabled', name: 'Disabled' },
];

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={userUpdateBody} redirect="show">
      <SimpleForm>
        <TextInput source="email" disabled />
        <TextInput source="name" validate={required()} />
        <SelectInput
          source="status"
          choices={editableStatuses}
          helperText="Invited users become active when they accept their invitation"
        />
      </SimpleForm>
    </Edit>
  );
}
