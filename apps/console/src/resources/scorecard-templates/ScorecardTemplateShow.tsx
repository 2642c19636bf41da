import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { ArrayField, BooleanField, DataTable, DeleteButton, EditButton, Labeled, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { StatusChip } from '../../common/StatusChip';
import { MetricCodeField, TemplateScopeField, ThresholdsField } from './ScorecardTemplateFields';

export function ScorecardTemplateShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <EditButton />
          <DeleteButton mutationMode="pessimistic" confirmContent="Only a template no scorecard was computed with can be deleted." />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Labeled label="Name">
            <TextField source="name" />
          </Labeled>
          <Labeled label="For">
            <TemplateScopeField />
          </Labeled>
          <Labeled label="Active">
            <BooleanField source="active" />
          </Labeled>
        </Box>
        <Typography variant="h6">Criteria</Typography>
        <ArrayField source="criteria" label={false}>
          <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="metricId" label="Metric" disableSort>
              <MetricCodeField />
            </DataTable.Col>
            <DataTable.NumberCol source="weight" disableSort />
            <DataTable.Col source="thresholds" label="Thresholds (value → score)" disableSort>
              <ThresholdsField />
            </DataTable.Col>
          </DataTable>
        </ArrayField>
        <Typography variant="h6">Standings</Typography>
        <ArrayField source="standings" label={false}>
          <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="standing" disableSort>
              <StatusChip source="standing" />
            </DataTable.Col>
            <DataTable.NumberCol source="minScore" label="From score" disableSort />
          </DataTable>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  );
}
