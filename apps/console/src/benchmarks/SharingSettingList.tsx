import { CheckboxGroupInput, Create, DataTable, Edit, List, required, SelectInput, SimpleForm, useGetList, useRecordContext } from 'react-admin';
import { METRIC_CATEGORIES, type SharingSetting, type SupplyRelationship } from '@tandem/contracts';

const categoryChoices = METRIC_CATEGORIES.map((c) => ({ id: c, name: c }));

/**
 * Names come from the relationship, which both sides read (a supplier does not read its
 * customers' organisation records).
 */
function Parties() {
  const setting = useRecordContext<SharingSetting>();
  const { data } = useGetList<SupplyRelationship>(
    'supply-relationships',
    { filter: { supplierId: setting?.supplierId, customerId: setting?.customerId }, pagination: { page: 1, perPage: 1 } },
    { enabled: Boolean(setting) },
  );
  const r = data?.[0];
  return <>{r ? `${r.supplierName} → ${r.customerName}` : '…'}</>;
}

/** What the firm shares with each customer; no row means the default (delivery and quality). */
export function SharingSettingList() {
  return (
    <List sort={{ field: 'createdAt', order: 'ASC' }} title="Sharing with customers">
      <DataTable bulkActionButtons={false} rowClick="edit">
        <DataTable.Col source="customerId" label="Supplier → customer" disableSort>
          <Parties />
        </DataTable.Col>
        <DataTable.Col source="categories" label="Shared categories" disableSort render={(r: SharingSetting) => r.categories.join(', ') || 'nothing'} />
      </DataTable>
    </List>
  );
}

function CustomerInput() {
  const { data } = useGetList<SupplyRelationship>('supply-relationships', { pagination: { page: 1, perPage: 200 }, sort: { field: 'since', order: 'ASC' } });
  const choices = (data ?? []).map((r) => ({ id: r.customerId, name: r.customerName }));
  return <SelectInput source="customerId" label="Customer" choices={choices} validate={required()} />;
}

export function SharingSettingCreate() {
  return (
    <Create redirect="list" title="Share with a customer">
      <SimpleForm>
        <CustomerInput />
        <CheckboxGroupInput source="categories" choices={categoryChoices} defaultValue={['delivery', 'quality']} />
      </SimpleForm>
    </Create>
  );
}

export function SharingSettingEdit() {
  return (
    <Edit redirect="list" mutationMode="pessimistic" title="What this customer sees">
      <SimpleForm>
        <CheckboxGroupInput source="categories" choices={categoryChoices} />
      </SimpleForm>
    </Edit>
  );
}
