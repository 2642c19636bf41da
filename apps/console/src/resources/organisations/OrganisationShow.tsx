import {
  BooleanField,
  Button,
  DataTable,
  EditButton,
  LinkBase,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useCreatePath,
  useRecordContext,
} from 'react-admin';
import AddIcon from '@mui/icons-material/Add';
import { membershipTierChoices, organisationKindChoices } from '../../common/choices';
import { StatusChip } from '../../common/StatusChip';
import { DateTimeField, DayField } from '../../common/DateFields';

/** Opens the membership form with this organisation already chosen. */
function AddMembershipButton() {
  const record = useRecordContext();
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({ resource: 'memberships', action: 'create' });
  if (!record || !canAccess) return null;
  const to = `${createPath({ resource: 'memberships', type: 'create' })}?source=${encodeURIComponent(JSON.stringify({ organisationId: record.id }))}`;
  return (
    <Button component={LinkBase} to={to} label="Add membership">
      <AddIcon />
    </Button>
  );
}

function OrganisationActions() {
  return (
    <TopToolbar>
      <AddMembershipButton />
      <EditButton />
    </TopToolbar>
  );
}

export function OrganisationShow() {
  return (
    <Show actions={<OrganisationActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Profile">
          <TextField source="code" />
          <TextField source="name" />
          <SelectField source="kind" choices={organisationKindChoices} />
          <TextField source="naicsCode" label="NAICS code" emptyText="—" />
          <TextField source="county" emptyText="—" />
          <TextField source="region" emptyText="—" />
          <NumberField source="employeeCount" emptyText="—" />
          <NumberField source="frontlineEmployeeCount" emptyText="—" />
          <NumberField source="annualPayroll" options={{ style: 'currency', currency: 'USD', maximumFractionDigits: 0 }} emptyText="—" />
          <BooleanField source="unionised" />
          <DateTimeField source="updatedAt" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Memberships" path="memberships">
          <ReferenceManyField reference="memberships" target="organisationId" label={false} sort={{ field: 'createdAt', order: 'DESC' }}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="consortiumId" disableSort label="Consortium">
                <ReferenceField source="consortiumId" reference="consortia" link={false} />
              </DataTable.Col>
              <DataTable.Col source="tier">
                <SelectField source="tier" choices={membershipTierChoices} />
              </DataTable.Col>
              <DataTable.Col source="status">
                <StatusChip source="status" />
              </DataTable.Col>
              <DataTable.Col source="joinedAt" field={DayField} />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
