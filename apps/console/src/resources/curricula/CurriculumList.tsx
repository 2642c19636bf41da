import { BooleanField, DataTable, List, NumberField, SearchInput, SelectField, SelectInput, TextInput } from 'react-admin';
import type { Curriculum } from '@tandem/contracts';
import { ResponsiveList } from '../../common/ResponsiveList';
import { yesNoFilter } from '../../common/enumChoices';
import { curriculumLevelChoices } from './choices';

const sharedChoices = [
  { id: 'true', name: 'Shared with the consortium' },
  { id: 'false', name: 'Private' },
];

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Title, skill area or SOC code" />,
  <TextInput key="skillArea" source="skillArea" label="Skill area" alwaysOn />,
  <SelectInput key="level" source="level" choices={curriculumLevelChoices} />,
  <SelectInput key="shared" source="shared" choices={sharedChoices} {...yesNoFilter} />,
];

/** "lean · 16 h · introductory · Acme Castings · reused 3×" */
function facts(c: Curriculum): string {
  return [c.skillArea, `${c.hours} h`, c.level, c.ownerName, c.reuseCount ? `reused ${c.reuseCount}×` : null].filter(Boolean).join(' · ');
}

/** The curricula library: shared curricula of the consortium and one's own, searchable by title, skill area and occupation. */
export function CurriculumList() {
  return (
    <List filters={filters} sort={{ field: 'title', order: 'ASC' }}>
      <ResponsiveList<Curriculum> rowClick="show" primaryText={(c) => `${c.title}${c.version > 1 ? ` (v${c.version})` : ''}`} secondaryText={facts}>
        <DataTable rowClick="show" bulkActionButtons={false} data-testid="curricula-library">
          <DataTable.Col source="title" />
          <DataTable.Col source="skillArea" label="Skill area" />
          <DataTable.Col source="hours" align="right">
            <NumberField source="hours" />
          </DataTable.Col>
          <DataTable.Col source="level">
            <SelectField source="level" choices={curriculumLevelChoices} />
          </DataTable.Col>
          <DataTable.Col source="ownerName" label="Owner" disableSort />
          <DataTable.Col source="socCodes" label="Occupations (SOC)" disableSort render={(c: Curriculum) => c.socCodes.join(', ')} />
          <DataTable.Col source="shared" disableSort>
            <BooleanField source="shared" />
          </DataTable.Col>
          <DataTable.Col source="version" align="right" />
          <DataTable.Col source="reuseCount" label="Reused by others" disableSort align="right" />
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
