import { ChipField, Create, DataTable, List, ReferenceArrayField, ReferenceArrayInput, required, SelectArrayInput, SelectInput, SimpleForm, SingleFieldList, TextInput } from 'react-admin';
import { PEER_GROUP_KINDS, type PeerGroup } from '@tandem/contracts';
import { ResponsiveList } from '../common/ResponsiveList';
import { kindLabel } from './benchmarkModel';

const kindChoices = PEER_GROUP_KINDS.map((k) => ({ id: k, name: kindLabel(k) }));
const filters = [<TextInput key="q" source="q" label="Search" alwaysOn />, <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />];

export function PeerGroupList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={50} title="Peer groups">
      {/* On a phone: the group's name, its kind and, for a custom group, how many members. */}
      <ResponsiveList<PeerGroup>
        rowClick={false}
        primaryText={(g) => g.name}
        secondaryText={(g) => `${kindLabel(g.kind)}${g.organisationIds ? ` · ${g.organisationIds.length} members` : ''}`}
        tertiaryText={(g) => (g.active ? '' : 'inactive')}
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="kind" render={(g: PeerGroup) => kindLabel(g.kind)} />
          <DataTable.Col source="key" disableSort />
          <DataTable.Col source="organisationIds" label="Members (custom)" disableSort>
            <ReferenceArrayField source="organisationIds" reference="organisations">
              <SingleFieldList linkType={false}>
                <ChipField source="name" size="small" />
              </SingleFieldList>
            </ReferenceArrayField>
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
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
