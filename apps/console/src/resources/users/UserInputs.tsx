import { AutocompleteInput, email, ReferenceInput, required, SelectInput, TextInput, usePermissions } from 'react-admin';
import { FormRow } from '../../common/FormRow';
import { ROLE_LABELS, type Role } from '@tandem/contracts';
import { roleChoices } from '../../common/choices';
import { pickFields } from '../../common/pick';
import type { TandemPermissions } from '../../providers/authProvider';

export const USER_INVITE_FIELDS = ['email', 'name', 'role', 'organisationId', 'consortiumId'] as const;
export const USER_UPDATE_FIELDS = ['name', 'status'] as const;
export const userInviteBody = pickFields(USER_INVITE_FIELDS);
export const userUpdateBody = pickFields(USER_UPDATE_FIELDS);

const FIRM_ADMIN_INVITES: Role[] = ['firm_admin', 'firm_contributor'];

/** Roles the current user may hand out: firm admins invite their own firm's people only. */
function useInvitableRoles() {
  const { permissions } = usePermissions<TandemPermissions>();
  if (permissions?.role === 'platform_admin') return roleChoices;
  if (permissions?.role === 'consortium_staff') return roleChoices.filter((c) => c.id !== 'platform_admin');
  return FIRM_ADMIN_INVITES.map((id) => ({ id, name: ROLE_LABELS[id] }));
}

export function UserInviteInputs() {
  const roles = useInvitableRoles();
  const { permissions } = usePermissions<TandemPermissions>();
  const staff = permissions?.role === 'platform_admin' || permissions?.role === 'consortium_staff';
  return (
    <>
      <FormRow>
        <TextInput source="name" validate={required()} />
        <TextInput source="email" type="email" validate={[required(), email()]} />
        <SelectInput source="role" choices={roles} validate={required()} />
      </FormRow>
      {staff && (
        <FormRow>
          <ReferenceInput source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput
              label="Organisation"
              optionText="name"
              filterToQuery={(q: string) => ({ q })}
              helperText="Required for firm roles, buyers, union reps, trainers and funders"
             
            />
          </ReferenceInput>
          {permissions?.role === 'platform_admin' && (
            <ReferenceInput source="consortiumId" reference="consortia" sort={{ field: 'name', order: 'ASC' }}>
              <SelectInput label="Consortium" optionText="name" />
            </ReferenceInput>
          )}
        </FormRow>
      )}
    </>
  );
}
