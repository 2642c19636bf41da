import Button from '@mui/material/Button';
import { DataTable, List, NumberInput, SelectField, SelectInput, TextInput, TopToolbar } from 'react-admin';
import { Link } from 'react-router-dom';
import type { Commitment } from '@tandem/contracts';
import { commitmentKindChoices, commitmentStateChoices } from '../../common/enumChoices';
import { ResponsiveList } from '../../common/ResponsiveList';
import { StatusChip, stateLabel } from '../../common/StatusChip';
import { humanize } from '../../common/choices';
import { CommitmentProgressField } from './CommitmentProgress';

const filters = [
  <TextInput key="q" source="q" label="Search members" alwaysOn />,
  <SelectInput key="state" source="state" choices={commitmentStateChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={commitmentKindChoices} />,
  <NumberInput key="year" source="year" />,
];

function Actions() {
  return (
    <TopToolbar>
      <Button component={Link} to="/reciprocity" size="small">
        Reciprocity view
      </Button>
    </TopToolbar>
  );
}

export function CommitmentList() {
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'year', order: 'DESC' }}>
      <ResponsiveList<Commitment> rowClick="show" primaryText={(r) => `${r.organisationName}: ${humanize(r.kind)} ${r.year}`} secondaryText={(r) => stateLabel(r.state)}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="organisationName" label="Member" disableSort />
          <DataTable.Col source="kind" label="Commitment">
            <SelectField source="kind" choices={commitmentKindChoices} />
          </DataTable.Col>
          <DataTable.Col source="year" />
          <DataTable.Col source="state">
            <StatusChip source="state" />
          </DataTable.Col>
          <DataTable.Col label="Progress" disableSort>
            <CommitmentProgressField />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
