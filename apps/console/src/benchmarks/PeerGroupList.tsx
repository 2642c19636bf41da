import { ArrayField, ChipField, Create, DataTable, List, ReferenceArrayInput, required, SelectArrayInput, SelectInput, SimpleForm, SingleFieldList, TextInput } from 'react-admin';
import { PEER_GROUP_KINDS } from '@tandem/contracts';

const kindChoices = PEER_GROUP_KINDS.map((k) => ({ id: k, name: k.replace('_', ' ') }));
const filters = [<TextInput key="q" source="q" label="Search" alwaysOn />, <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />];

export function PeerGroupList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={50} title="Peer groups">
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind" />
        <DataTable.Col source="key" disableSort />
        <DataTable.Col source="organisationIds" label="Members (custom)" disableSort>
          <ArrayField source="organisationIds">
            <SingleFieldList linkType={false}>
              <ChipField source="id" size="small" />
            </SingleFieldList>
          </ArrayField>
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

/** A custom group: however narrow, its cells pass disclosure control like any other. */
export function PeerGroupCreate() {
  return (
    <Create redirect="list" title="New custom peer group">
      <SimpleForm>
        <TextInput source="name" validate={required()} />
        <ReferenceArrayInput source="organisationIds" reference="organisations" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
          <SelectArrayInput optionText="name" validate={required()} />
        </ReferenceArrayInput>
      </SimpleForm>
    </Create>
  );
}
