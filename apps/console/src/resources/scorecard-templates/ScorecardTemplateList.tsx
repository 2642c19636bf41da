import { BooleanField, DataTable, List, useRecordContext } from 'react-admin';
import type { ScorecardTemplate } from '@tandem/contracts';
import { formatDateTime } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';
import { StandingsField, TemplateScopeField } from './ScorecardTemplateFields';
import { scorecardTemplateFilters } from './ScorecardTemplateFilters';
import { DateTimeField } from '../../common/DateFields';

function CriteriaCount(_: { label?: string }) {
  const t = useRecordContext<ScorecardTemplate>();
  return t ? <span>{t.criteria.length}</span> : null;
}

export function ScorecardTemplateList() {
  return (
    <List filters={scorecardTemplateFilters} sort={{ field: 'name', order: 'ASC' }}>
      <ResponsiveList<ScorecardTemplate>
        rowClick="show"
        primaryText={(t) => t.name}
        secondaryText={(t) => (
          <>
            <TemplateScopeField /> · {t.criteria.length} {t.criteria.length === 1 ? 'criterion' : 'criteria'} · updated {formatDateTime(t.updatedAt)}
          </>
        )}
        tertiaryText={(t) => (t.active ? 'Active' : 'Inactive')}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="customerId" label="For" disableSort>
            <TemplateScopeField />
          </DataTable.Col>
          <DataTable.Col source="criteria" label="Criteria" disableSort>
            <CriteriaCount />
          </DataTable.Col>
          <DataTable.Col source="standings" label="Standings" disableSort>
            <StandingsField />
          </DataTable.Col>
          <DataTable.Col source="active">
            <BooleanField source="active" />
          </DataTable.Col>
          <DataTable.Col source="updatedAt" label="Updated" field={DateTimeField} />
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
