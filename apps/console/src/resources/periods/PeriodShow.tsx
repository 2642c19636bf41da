import Box from '@mui/material/Box';
import { DateField, EditButton, Labeled, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { periodKindChoices } from '../../performance/choices';
import { StateField } from '../../performance/PerfChip';
import { ClosePeriodButton, EnterValuesButton, PublishPeriodButton } from './PeriodButtons';

function PeriodShowActions() {
  return (
    <TopToolbar sx={{ gap: 1, alignItems: 'center' }}>
      <EnterValuesButton />
      <ClosePeriodButton />
      <PublishPeriodButton />
      <EditButton />
    </TopToolbar>
  );
}

export function PeriodShow() {
  return (
    <Show actions={<PeriodShowActions />}>
      <SimpleShowLayout>
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Labeled label="Code">
            <TextField source="code" />
          </Labeled>
          <Labeled label="Kind">
            <SelectField source="kind" choices={periodKindChoices} />
          </Labeled>
          <Labeled label="State">
            <StateField source="state" />
          </Labeled>
        </Box>
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Labeled label="Starts">
            <DateField source="startsOn" />
          </Labeled>
          <Labeled label="Ends">
            <DateField source="endsOn" />
          </Labeled>
          <Labeled label="Due">
            <DateField source="dueOn" />
          </Labeled>
          <Labeled label="Closed">
            <DateField source="closedAt" showTime emptyText="—" />
          </Labeled>
          <Labeled label="Published">
            <DateField source="publishedAt" showTime emptyText="—" />
          </Labeled>
        </Box>
      </SimpleShowLayout>
    </Show>
  );
}
