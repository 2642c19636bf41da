import { DeleteButton, useRecordContext } from 'react-admin';
import type { Invitation } from '@tandem/contracts';

/** DELETE revokes a pending invitation: the record stays, its link stops working. */
export function RevokeInvitationButton({ redirect = false }: { redirect?: false | 'list' }) {
  const invitation = useRecordContext<Invitation>();
  if (!invitation || invitation.status !== 'pending') return null;
  return (
    <DeleteButton
      label="Revoke"
      mutationMode="pessimistic"
      redirect={redirect}
      confirmTitle={`Revoke the invitation of ${invitation.email}?`}
      confirmContent="The link in the e-mail stops working at once. You can invite the person again later."
      successMessage="Invitation revoked"
    />
  );
}
