import { Edit, SimpleForm } from 'react-admin';
import { UserInputs, userUpdateBody } from './UserInputs';

/** Reachable only with users.update (the platform admin): react-admin checks canAccess for the route and the button. */
export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={userUpdateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <UserInputs />
      </SimpleForm>
    </Edit>
  );
}
