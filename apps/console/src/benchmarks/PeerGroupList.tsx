import { ChipField, Create, DataTable, List, ReferenceArrayField, ReferenceArrayInput, required, SelectArrayInput, SelectInput, SimpleForm, SingleFieldList, TextInput } from 'react-admin';
import Typography from '@mui/material/Typography';
import { PEER_GROUP_KINDS, type PeerGroup } from '@tandem/contracts';
import { SIZE_BANDS } from '@tandem/domain';
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
        secondaryText={(g) => `${kindLabel(g.kind)}${filterText(g) ? ` · ${filterText(g)}` : g.organisationIds?.length ? ` · ${g.organisationIds.length} members` : ''}`}
        tertiaryText={(g) => (g.active ? '' : 'inactive')}
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="kind" render={(g: PeerGroup) => kindLabel(g.kind)} />
          <DataTable.Col source="key" disableSort />
          <DataTable.Col source="filterNaics" label="Filter (custom)" disableSort render={(g: PeerGroup) => filterText(g)} />
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

/** "a, b, c" ⇄ ['a', 'b', 'c'] for the filter's free-text lists. */
const listParse = (v: string) => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);
const listFormat = (v: string[] | undefined) => (v ?? []).join(', ');
const bandChoices = SIZE_BANDS.map((b) => ({ id: b.code, name: b.label }));

/** What a saved filter keeps, in words ("NAICS 331 · 20–99 employees"); empty for a named list. */
export function filterText(g: PeerGroup): string {
  const parts = [
    ...(g.filterNaics?.length ? [`NAICS ${g.filterNaics.join(' or ')}`] : []),
    ...(g.filterSizeBands?.length ? [g.filterSizeBands.map((c) => SIZE_BANDS.find((b) => b.code === c)?.label ?? c).join(' or ')] : []),
    ...(g.filterRegions?.length ? [g.filterRegions.join(' or ')] : []),
  ];
  return parts.join(' · ');
}

/**
 * A custom group, staff's own analysis (never shown outside staff): a named list of member
 * organisations, or a saved filter over NAICS codes, size bands and regions that each
 * recompute applies to the members of the day.
 */
export function PeerGroupCreate() {
  return (
    <Create redirect="list" title="New custom peer group">
      <SimpleForm warnWhenUnsavedChanges>
        <TextInput source="name" validate={required()} />
        <Typography variant="body2" color="text.secondary">
          Name the organisations, or leave them empty and save a filter instead.
        </Typography>
        <ReferenceArrayInput source="organisationIds" reference="organisations" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
          <SelectArrayInput optionText="name" label="Organisations" />
        </ReferenceArrayInput>
        <TextInput source="filterNaics" label="NAICS 3-digit codes" helperText="comma-separated, e.g. 331, 332" parse={listParse} format={listFormat} />
        <SelectArrayInput source="filterSizeBands" label="Size bands" choices={bandChoices} />
        <TextInput source="filterRegions" label="Regions" helperText="comma-separated" parse={listParse} format={listFormat} />
      </SimpleForm>
    </Create>
  );
}
