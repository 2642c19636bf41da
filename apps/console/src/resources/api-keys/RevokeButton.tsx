import { DeleteButton, useRecordContext } from 'react-admin';
import type { ApiKey } from '@tandem/contracts';

/** DELETE revokes: the record stays, with revokedAt set, so a revoked key shows no button. */
export function RevokeButton({ redirect = false }: { redirect?: false | 'list' }) {
  const key = useRecordContext<ApiKey>();
  if (!key || key.revokedAt) return null;
  return (
    <DeleteButton
      label="Revoke"
      mutationMode="pessimistic"
      redirect={redirect}
      confirmTitle={`Revoke the key "${key.name}"?`}
      confirmContent="Clients using this key will be refused from now on. This cannot be undone."
      successMessage="API key revoked"
    />
  );
}
