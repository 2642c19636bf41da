import { AutocompleteInput, BooleanInput, DateInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { FormRow } from '../../common/FormRow';
import { pickFields } from '../../common/pick';
import { sourcingModeChoices } from '../../common/enumChoices';

const TERMS = ['since', 'commodity', 'spendBand', 'sourcingMode', 'sponsored'] as const;
export const supplyRelationshipCreateBody = pickFields(['customerId', 'supplierId', ...TERMS] as const);
export const supplyRelationshipUpdateBody = pickFields([...TERMS, 'modeEffectiveOn', 'modeChangeReason'] as const);

/** Who buys from whom: chosen once, by staff. */
export function SupplyRelationshipPartyInputs() {
  return (
    <FormRow>
      <ReferenceInput source="customerId" reference="organisations" filter={{ kind: 'customer' }} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput label="Customer" optionText="name" validate={required()} filterToQuery={(q: string) => ({ q })} />
      </ReferenceInput>
      <ReferenceInput source="supplierId" reference="organisations" filter={{ kind: 'supplier' }} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput label="Supplier" optionText="name" validate={required()} filterToQuery={(q: string) => ({ q })} />
      </ReferenceInput>
    </FormRow>
  );
}

export function SupplyRelationshipInputs({ editing = false }: { editing?: boolean }) {
  return (
    <>
      <FormRow>
        <TextInput source="commodity" validate={required()} />
        <TextInput source="spendBand" label="Spend band" validate={required()} helperText="e.g. 1-5M USD" />
        <DateInput source="since" validate={required()} />
      </FormRow>
      <FormRow>
        <SelectInput source="sourcingMode" label="Sourcing mode" choices={sourcingModeChoices} validate={required()} />
        <BooleanInput source="sponsored" label="The customer sponsors the supplier" />
      </FormRow>
      {editing && (
        <FormRow>
          <DateInput source="modeEffectiveOn" label="Mode change effective on" helperText="When the sourcing mode changes; defaults to today" />
          <TextInput source="modeChangeReason" label="Why the sourcing mode changes" helperText="Kept in the sourcing mode history" />
        </FormRow>
      )}
    </>
  );
}
