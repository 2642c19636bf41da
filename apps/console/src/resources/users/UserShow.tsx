import {
  CreateButton,
  DataTable,
  DateField,
  DeleteButton,
  EmailField,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
} from 'react-admin';
import Typography from '@mui/material/Typography';
import { roleChoices } from '../../common/choices';
import { StatusChip } from '../../common/StatusChip';

function AddRoleButton() {
  const user = useRecordContext();
  if (!user) return null;
  return <CreateButton resource="role-assignments" label="Add role" state={{ record: { userId: user.id } }} />;
}

export function UserShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <EmailField source="email" />
        <StatusChip source="status" />
        <DateField source="lastLoginAt" label="Last sign-in" showTime emptyText="never" />
        <DateField source="createdAt" showTime />
        <Typography variant="h6">Roles</Typography>
        <ReferenceManyField reference="role-assignments" target="userId" label={false} sort={{ field: 'createdAt', order: 'ASC' }}>
          <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="role">
              <SelectField source="role" choices={roleChoices} />
            </DataTable.Col>
            <DataTable.Col source="consortiumId" disableSort label="Consortium">
              <ReferenceField source="consortiumId" reference="consortia" emptyText="all" />
            </DataTable.Col>
            <DataTable.Col source="organisationId" disableSort label="Organisation">
              <ReferenceField source="organisationId" reference="organisations" emptyText="—" />
            </DataTable.Col>
            <DataTable.Col label="" disableSort>
              <DeleteButton resource="role-assignments" label="Remove" redirect={false} mutationMode="pessimistic" />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
        <AddRoleButton />
      </SimpleShowLayout>
    </Show>
  );
}
