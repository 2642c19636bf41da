import { AutocompleteInput, DateTimeInput, ReferenceInput, required, SelectInput, TextInput, usePermissions } from 'react-admin';
import { FormRow } from '../../common/FormRow';
import { pickFields } from '../../common/pick';
import type { TandemPermissions } from '../../providers/authProvider';

export const API_KEY_FIELDS = ['name', 'organisationId', 'consortiumId', 'expiresAt'] as const;
export const apiKeyBody = pickFields(API_KEY_FIELDS);

export function ApiKeyInputs() {
  const { permissions } = usePermissions<TandemPermissions>();
  const staff = permissions?.role === 'platform_admin' || permissions?.role === 'consortium_staff';
  return (
    <FormRow>
      <TextInput source="name" validate={required()} helperText="What the key is for, e.g. ERP nightly export" />
      {staff && (
        <ReferenceInput source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput
            label="Organisation"
            optionText="name"
            filterToQuery={(q: string) => ({ q })}
            helperText="The firm whose data the key may reach"
          />
        </ReferenceInput>
      )}
      {permissions?.role === 'platform_admin' && (
        <ReferenceInput source="consortiumId" reference="consortia" sort={{ field: 'name', order: 'ASC' }}>
          <SelectInput label="Consortium" optionText="name" />
        </ReferenceInput>
      )}
      <DateTimeInput source="expiresAt" label="Expires at" helperText="Leave empty for a key that does not expire" />
    </FormRow>
  );
}
