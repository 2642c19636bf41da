import { Labeled, NumberField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DayField } from '../../common/DateFields';
import { StatusChip } from '../../common/StatusChip';
import { Responses, SurveyButtons } from './DemandSurveyList';

/** One survey: its window and horizon, how many answered (staff; others from k on), and what the reader may do with it. */
export function DemandSurveyShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="title" />
        <StatusChip source="status" />
        <DayField source="opensOn" label="Opens" />
        <DayField source="closesOn" label="Answers due" />
        <NumberField source="horizonMonths" label="Horizon (months ahead)" />
        <Labeled label="Responses">
          <Responses />
        </Labeled>
        <SurveyButtons />
      </SimpleShowLayout>
    </Show>
  );
}
