import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { ArrayField, DataTable, Labeled, ReferenceField, Show, SimpleShowLayout, TextField, useGetOne, useRecordContext, WithRecord } from 'react-admin';
import type { Period, Scorecard, ScorecardCriterionResult } from '@tandem/contracts';
import { formatFigure } from '../../common/figures';
import { coverageText, scoreText, StandingField } from './StandingChip';
import { StandingHistory } from './StandingHistory';
import { DateTimeField } from '../../common/DateFields';

function SourceField(_: { label?: string }) {
  const c = useRecordContext<ScorecardCriterionResult>();
  if (!c) return null;
  if (c.withheld) return <span>Not shared with your firm</span>;
  return <span>{c.source === 'customer' ? "Customer's report" : c.source === 'self' ? "Supplier's own report" : 'No validated value'}</span>;
}

function ValueField(_: { label?: string }) {
  const c = useRecordContext<ScorecardCriterionResult>();
  return <span>{formatFigure(c?.value)}</span>;
}

function Title() {
  const s = useRecordContext<Scorecard>();
  const { data: period } = useGetOne<Period>('periods', { id: s?.periodId ?? '' }, { enabled: Boolean(s?.periodId) });
  return <span>Scorecard{period ? ` · ${period.code}` : ''}</span>;
}

function ScoreField(_: { label?: string }) {
  const c = useRecordContext<ScorecardCriterionResult>();
  return <span>{c?.score === null || c?.score === undefined ? '—' : formatFigure(c.score, 1)}</span>;
}

/** One relationship's scorecard of one period: every criterion with its value, score and where the value came from. */
export function ScorecardShow() {
  return (
    <Show title={<Title />}>
      <SimpleShowLayout>
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Labeled label="Supplier → customer">
            <ReferenceField source="relationshipId" reference="supply-relationships" link="show" />
          </Labeled>
          <Labeled label="Period">
            <ReferenceField source="periodId" reference="periods" link={false} />
          </Labeled>
          <Labeled label="Template">
            <ReferenceField source="templateId" reference="scorecard-templates" link="show">
              <TextField source="name" />
            </ReferenceField>
          </Labeled>
          <Labeled label="Score">
            <WithRecord<Scorecard> render={(s) => <Typography sx={{ fontSize: 20, fontWeight: 600 }} data-testid="scorecard-score">{scoreText(s.score)}</Typography>} />
          </Labeled>
          <Labeled label="Standing">
            <StandingField />
          </Labeled>
          <Labeled label="Coverage">
            <WithRecord<Scorecard> render={(s) => <span data-testid="scorecard-coverage">{coverageText(s.coverage)}</span>} />
          </Labeled>
          <Labeled label="Computed">
            <DateTimeField source="computedAt" />
          </Labeled>
        </Box>
        <WithRecord<Scorecard>
          render={(s) =>
            s.withheld ? (
              <Alert severity="info" data-testid="scorecard-withheld">
                {s.withheld.charAt(0).toUpperCase() + s.withheld.slice(1)}.
              </Alert>
            ) : null
          }
        />
        <Typography variant="h6">Criteria</Typography>
        <ArrayField source="details" label={false}>
          <DataTable bulkActionButtons={false} rowClick={false} data-testid="scorecard-criteria">
            <DataTable.Col source="metricCode" label="Metric" disableSort />
            <DataTable.NumberCol source="weight" disableSort />
            <DataTable.Col source="value" label="Value" disableSort>
              <ValueField />
            </DataTable.Col>
            <DataTable.Col source="score" label="Score" disableSort>
              <ScoreField />
            </DataTable.Col>
            <DataTable.Col source="source" label="From" disableSort>
              <SourceField />
            </DataTable.Col>
          </DataTable>
        </ArrayField>
        <Typography variant="h6">Standing history</Typography>
        <WithRecord<Scorecard> render={(s) => <StandingHistory relationshipId={s.relationshipId} />} />
      </SimpleShowLayout>
    </Show>
  );
}
