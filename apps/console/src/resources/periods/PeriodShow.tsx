import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { EditButton, Labeled, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, WithRecord } from 'react-admin';
import type { Period } from '@tandem/contracts';
import { formatDateTime } from '../../common/formatDate';
import { periodKindChoices } from '../../common/enumChoices';
import { StatusChip } from '../../common/StatusChip';
import { ClosePeriodButton, EnterValuesButton, PublishPeriodButton, ReopenPeriodButton } from './PeriodButtons';
import { PeriodCompletenessPanel } from './PeriodCompletenessPanel';
import { DateTimeField, DayField } from '../../common/DateFields';

function PeriodShowActions() {
  return (
    <TopToolbar sx={{ gap: 1, alignItems: 'center' }}>
      <EnterValuesButton />
      <ClosePeriodButton />
      <ReopenPeriodButton />
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
            <StatusChip source="state" />
          </Labeled>
        </Box>
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Labeled label="Starts">
            <DayField source="startsOn" />
          </Labeled>
          <Labeled label="Ends">
            <DayField source="endsOn" />
          </Labeled>
          <Labeled label="Due">
            <DayField source="dueOn" />
          </Labeled>
          <Labeled label="Closed">
            <DateTimeField source="closedAt" emptyText="—" />
          </Labeled>
          <Labeled label="Published">
            <DateTimeField source="publishedAt" emptyText="—" />
          </Labeled>
        </Box>
        <WithRecord<Period>
          render={(p) =>
            p.reopenCount > 0 ? (
              <Typography variant="body2" color="text.secondary" data-testid="period-reopened">
                Reopened {p.reopenCount === 1 ? 'once' : `${p.reopenCount} times`}, last on {p.reopenedAt ? formatDateTime(p.reopenedAt) : '—'}: {p.reopenReason ?? 'no reason recorded'}
              </Typography>
            ) : null
          }
        />
        <PeriodCompletenessPanel />
      </SimpleShowLayout>
    </Show>
  );
}
