import { AutocompleteInput, ReferenceInput, SearchInput, SelectInput, usePermissions } from 'react-admin';
import { invitationStatusChoices } from '../../common/choices';
import type { TandemPermissions } from '../../providers/authProvider';
import { useInvitableRoles } from './InvitationInputs';

/** A firm admin sees their own firm's invitations: no organisation to choose, only the roles they offer. */
export function useInvitationFilters() {
  const { permissions } = usePermissions<TandemPermissions>();
  const roles = useInvitableRoles();
  const staff = permissions?.role === 'platform_admin' || permissions?.role === 'consortium_staff';
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" />,
    <SelectInput key="status" source="status" choices={invitationStatusChoices} alwaysOn />,
    <SelectInput key="role" source="role" choices={roles} alwaysOn />,
    ...(staff
      ? [
          <ReferenceInput key="organisationId" source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput label="Organisation" optionText="name" filterToQuery={(q: string) => ({ q })} />
          </ReferenceInput>,
        ]
      : []),
  ];
}
