import { DataTable, List, SelectField, SelectInput, TextInput } from 'react-admin';
import type { CommitmentReview } from '@tandem/contracts';
import { humanize } from '../../common/choices';
import { DateTimeField } from '../../common/DateFields';
import { commitmentKindChoices, commitmentReviewOutcomeChoices } from '../../common/enumChoices';
import { ResponsiveList } from '../../common/ResponsiveList';

const decidedChoices = [
  { id: 'false', name: 'Awaiting a decision' },
  { id: 'true', name: 'Decided' },
];

const filters = [
  <TextInput key="q" source="q" label="Search members" alwaysOn />,
  <SelectInput key="decided" source="decided" choices={decidedChoices} alwaysOn />,
  <SelectInput key="outcome" source="outcome" choices={commitmentReviewOutcomeChoices} />,
];

export function CommitmentReviewList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <ResponsiveList<CommitmentReview> rowClick="show" primaryText={(r) => `${r.organisationName}: ${humanize(r.kind)} ${r.year}`} secondaryText={(r) => (r.outcome ? humanize(r.outcome) : 'awaiting a decision')}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="organisationName" label="Member" disableSort />
          <DataTable.Col source="kind" label="Missed commitment" disableSort>
            <SelectField source="kind" choices={commitmentKindChoices} />
          </DataTable.Col>
          <DataTable.Col source="year" disableSort />
          <DataTable.Col source="outcome">
            <SelectField source="outcome" choices={commitmentReviewOutcomeChoices} emptyText="awaiting a decision" />
          </DataTable.Col>
          <DataTable.Col source="decidedAt" label="Decided" field={DateTimeField} />
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
