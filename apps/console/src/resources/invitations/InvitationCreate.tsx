import Send from '@mui/icons-material/Send';
import { Create, SaveButton, SimpleForm, Toolbar, useNotify, useRedirect } from 'react-admin';
import type { Invitation } from '@tandem/contracts';
import { invitationBody, InvitationInputs } from './InvitationInputs';

function SendToolbar() {
  return (
    <Toolbar>
      <SaveButton label="Send invitation" icon={<Send />} />
    </Toolbar>
  );
}

/** "Invite a person": the only way a role comes to exist, once the person accepts. */
export function InvitationCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create
      title="Invite a person"
      transform={invitationBody}
      mutationOptions={{
        onSuccess: (invitation: Invitation) => {
          notify(`Invitation sent to ${invitation.email}`, { type: 'success' });
          redirect('show', 'invitations', invitation.id);
        },
      }}
    >
      <SimpleForm warnWhenUnsavedChanges toolbar={<SendToolbar />}>
        <InvitationInputs />
      </SimpleForm>
    </Create>
  );
}
