import { Create, SimpleForm, useNotify, useRedirect } from 'react-admin';
import type { User } from '@tandem/contracts';
import { userInviteBody, UserInviteInputs } from './UserInputs';

/** Creating a user is inviting one: the API sends the invitation e-mail through the outbox. */
export function UserCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = (user: User) => {
    notify(`Invitation sent to ${user.email}`, { type: 'success' });
    redirect('show', 'users', user.id);
  };
  return (
    <Create title="Invite a user" transform={userInviteBody} mutationOptions={{ onSuccess }}>
      <SimpleForm>
        <UserInviteInputs />
      </SimpleForm>
    </Create>
  );
}
