import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { CreateButton, DataTable, List, SelectInput, TopToolbar, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { Link } from 'react-router-dom';
import type { DemandSurvey } from '@tandem/contracts';
import { errorMessage, postJson } from '../../common/api';
import { DayField } from '../../common/DateFields';
import { ResponsiveList } from '../../common/ResponsiveList';
import { StatusChip, stateLabel } from '../../common/StatusChip';
import { useCan } from '../../common/useCan';

const statusChoices = [
  { id: 'draft', name: 'Draft' },
  { id: 'open', name: 'Open' },
  { id: 'closed', name: 'Closed' },
];
const filters = [<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />];

function Actions() {
  return (
    <TopToolbar>
      <CreateButton label="Draft a survey" />
    </TopToolbar>
  );
}

export function Responses(_: { label?: string }) {
  const s = useRecordContext<DemandSurvey>();
  if (!s) return null;
  if (s.responseCount !== null) return <span data-testid="survey-responses">{s.responseCount === 1 ? '1 firm' : `${s.responseCount} firms`}</span>;
  return <span>{s.answeredByMyFirm ? 'Your firm answered' : '—'}</span>;
}

/** What the reader may do with a survey: staff open and close it, a firm admin answers it, everyone reads the gap once it is there. */
export function SurveyButtons(_: { label?: string }) {
  const s = useRecordContext<DemandSurvey>();
  const notify = useNotify();
  const refresh = useRefresh();
  const staff = useCan('demand-surveys.write');
  const answers = useCan('demand-surveys.answer');
  if (!s) return null;
  const move = async (verb: 'open' | 'close') => {
    try {
      await postJson(`/api/demand-surveys/${s.id}/${verb}`);
      notify(`Survey ${verb === 'open' ? 'opened' : 'closed'}`, { type: 'success' });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  const stop = (e: React.MouseEvent) => e.stopPropagation();
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} onClick={stop}>
      {staff && s.status === 'draft' && (
        <Button size="small" variant="outlined" onClick={() => void move('open')}>
          Open
        </Button>
      )}
      {staff && s.status === 'open' && (
        <Button size="small" variant="outlined" onClick={() => void move('close')}>
          Close
        </Button>
      )}
      {answers && s.status === 'open' && (
        <Button size="small" variant="contained" component={Link} to={`/demand-surveys/${s.id}/answer`}>
          {s.answeredByMyFirm ? 'Change your answer' : 'Answer'}
        </Button>
      )}
      {(s.status === 'closed' || (staff && s.status === 'open')) && (
        <Button size="small" component={Link} to={`/demand-surveys/${s.id}/gap`}>
          Demand vs pipeline
        </Button>
      )}
    </Box>
  );
}

/** The consortium's workforce demand surveys: staff run them, firms answer them, everyone reads the gap once they close. */
export function DemandSurveyList() {
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'opensOn', order: 'DESC' }}>
      <ResponsiveList<DemandSurvey>
        rowClick="show"
        primaryText={(s) => s.title}
        secondaryText={(s) => `${stateLabel(s.status)} · ${s.opensOn} to ${s.closesOn} · next ${s.horizonMonths} months`}
        tertiaryText={(s) => (s.responseCount === null ? '' : `${s.responseCount} answered`)}
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="title" />
          <DataTable.Col source="status">
            <StatusChip source="status" />
          </DataTable.Col>
          <DataTable.Col source="opensOn" label="Opens">
            <DayField source="opensOn" />
          </DataTable.Col>
          <DataTable.Col source="closesOn" label="Answers due">
            <DayField source="closesOn" />
          </DataTable.Col>
          <DataTable.Col source="horizonMonths" label="Horizon" disableSort render={(s: DemandSurvey) => `next ${s.horizonMonths} months`} />
          <DataTable.Col source="responseCount" label="Responses" disableSort>
            <Responses />
          </DataTable.Col>
          <DataTable.Col label="" disableSort>
            <SurveyButtons />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
