import { AutocompleteInput, minValue, NumberInput, ReferenceInput, required, SelectInput } from 'react-admin';
import { FormRow } from '../../common/FormRow';
import { membershipTierChoices } from '../../common/choices';
import { pickFields } from '../../common/pick';

export const MEMBERSHIP_UPDATE_FIELDS = ['tier', 'annualDues'] as const;
export const MEMBERSHIP_CREATE_FIELDS = ['consortiumId', 'organisationId', ...MEMBERSHIP_UPDATE_FIELDS] as const;
export const membershipCreateBody = pickFields(MEMBERSHIP_CREATE_FIELDS);
export const membershipUpdateBody = pickFields(MEMBERSHIP_UPDATE_FIELDS);

/** Who and where: chosen once, at creation. */
export function MembershipPartyInputs() {
  return (
    <FormRow>
      <ReferenceInput source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput
          label="Organisation"
          optionText="name"
          validate={required()}
          filterToQuery={(q: string) => ({ q })}
         
        />
      </ReferenceInput>
      <ReferenceInput source="consortiumId" reference="consortia" sort={{ field: 'name', order: 'ASC' }}>
        <SelectInput label="Consortium" optionText="name" helperText="Defaults to your own consortium" />
      </ReferenceInput>
    </FormRow>
  );
}

/** Terms of the membership; its status changes only through the lifecycle buttons. */
export function MembershipInputs() {
  return (
    <>
      <FormRow>
        <SelectInput source="tier" choices={membershipTierChoices} validate={required()} />
        <NumberInput source="annualDues" label="Annual dues ($)" validate={[required(), minValue(0)]} />
      </FormRow>
    </>
  );
}
