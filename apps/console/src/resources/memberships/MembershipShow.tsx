import {
  ArrayField,
  DataTable,
  EditButton,
  Labeled,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TopToolbar,
  WithRecord,
} from 'react-admin';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import type { Membership } from '@tandem/contracts';
import { membershipStatusChoices, membershipTierChoices } from '../../common/choices';
import { StatusChip } from '../../common/StatusChip';
import { MembershipTitle } from './MembershipTitle';
import { MembershipTransitionButtons } from './MembershipTransitionButtons';
import { DateTimeField, DayField } from '../../common/DateFields';

function MembershipActions() {
  return (
    <TopToolbar sx={{ gap: 1, alignItems: 'center' }}>
      <MembershipTransitionButtons />
      <EditButton />
    </TopToolbar>
  );
}

function TransitionHistory() {
  return (
    <Box sx={{ mt: 1 }} data-testid="transition-history">
      <Typography variant="h6" gutterBottom>
        Status history
      </Typography>
      <WithRecord<Membership>
        render={(record) =>
          record.transitions && record.transitions.length > 0 ? (
            <ArrayField source="transitions" label={false}>
              <DataTable bulkActionButtons={false} rowClick={false}>
                <DataTable.Col source="effectiveDate" label="Effective" field={DayField} />
                <DataTable.Col source="fromStatus" label="From">
                  <SelectField source="fromStatus" choices={membershipStatusChoices} />
                </DataTable.Col>
                <DataTable.Col source="toStatus" label="To">
                  <SelectField source="toStatus" choices={membershipStatusChoices} />
                </DataTable.Col>
                <DataTable.Col source="reason" />
                <DataTable.Col source="actorUserId" label="By">
                  <ReferenceField source="actorUserId" reference="users" link={false} emptyText="—" />
                </DataTable.Col>
                <DataTable.Col source="createdAt" label="Recorded" field={DateTimeField} />
              </DataTable>
            </ArrayField>
          ) : (
            <Typography variant="body2" color="text.secondary">
              No status changes yet.
            </Typography>
          )
        }
      />
    </Box>
  );
}

export function MembershipShow() {
  return (
    <Show actions={<MembershipActions />} title={<MembershipTitle />}>
      <SimpleShowLayout>
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Labeled label="Organisation">
            <ReferenceField source="organisationId" reference="organisations" />
          </Labeled>
          <Labeled label="Consortium">
            <ReferenceField source="consortiumId" reference="consortia" />
          </Labeled>
          <Labeled label="Status">
            <StatusChip source="status" />
          </Labeled>
          <Labeled label="Tier">
            <SelectField source="tier" choices={membershipTierChoices} />
          </Labeled>
        </Box>
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Labeled label="Joined">
            <DayField source="joinedAt" emptyText="—" />
          </Labeled>
          <Labeled label="Exited">
            <DayField source="exitedAt" emptyText="—" />
          </Labeled>
          <Labeled label="Annual dues">
            <NumberField source="annualDues" options={{ style: 'currency', currency: 'USD' }} />
          </Labeled>
        </Box>
        <Divider />
        <TransitionHistory />
      </SimpleShowLayout>
    </Show>
  );
}
