import { DataTable, List, ReferenceField, SelectField } from 'react-admin';
import type { Membership } from '@tandem/contracts';
import { humanize, membershipTierChoices } from '../../common/choices';
import { formatDay } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';
import { StatusChip } from '../../common/StatusChip';
import { membershipFilters } from './MembershipFilters';
import { DayField } from '../../common/DateFields';

export function MembershipList() {
  return (
    <List filters={membershipFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <ResponsiveList<Membership>
        rowClick="show"
        primaryText={<ReferenceField source="organisationId" reference="organisations" link={false} />}
        secondaryText={(m) => `${humanize(m.tier)} tier${m.joinedAt ? ` · joined ${formatDay(m.joinedAt)}` : ''}`}
        tertiaryText={(m) => humanize(m.status)}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="organisationId" disableSort label="Organisation">
            <ReferenceField source="organisationId" reference="organisations" link={false} />
          </DataTable.Col>
          <DataTable.Col source="consortiumId" disableSort label="Consortium">
            <ReferenceField source="consortiumId" reference="consortia" link={false} />
          </DataTable.Col>
          <DataTable.Col source="tier">
            <SelectField source="tier" choices={membershipTierChoices} />
          </DataTable.Col>
          <DataTable.Col source="status">
            <StatusChip source="status" />
          </DataTable.Col>
          <DataTable.Col source="joinedAt" label="Joined" field={DayField} />
          <DataTable.NumberCol source="annualDues" label="Annual dues" options={{ style: 'currency', currency: 'USD', maximumFractionDigits: 0 }} />
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
