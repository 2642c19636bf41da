import { RadioButtonGroupInput, required, SelectInput } from 'react-admin';
import { FEEDBACK_QUESTION_LABELS, FEEDBACK_QUESTIONS } from '@tandem/contracts';
import { isCollecting, useMyCustomers, usePeriods } from './useFeedbackChoices';

const SCORES = [1, 2, 3, 4, 5].map((n) => ({ id: n, name: String(n) }));

/** The five questions, 1 (worst) to 5 (best). */
export function ScoreInputs() {
  return (
    <>
      {FEEDBACK_QUESTIONS.map((q) => (
        <RadioButtonGroupInput key={q} source={q} label={FEEDBACK_QUESTION_LABELS[q]} choices={SCORES} validate={required()} parse={(v: string | number) => Number(v)} helperText="1 = poor, 5 = excellent" />
      ))}
    </>
  );
}

/** Which period and which of the firm's customers the answer is about (only periods still collecting). */
export function SubjectInputs() {
  const { periods, isPending: periodsPending } = usePeriods();
  const { choices, isPending } = useMyCustomers();
  const collecting = periods.filter(isCollecting).map((p) => ({ id: p.id, name: p.code }));
  return (
    <>
      <SelectInput source="periodId" label="Period" choices={collecting} isPending={periodsPending} validate={required()} helperText="Answers close with the period; nobody sees a summary before" />
      <SelectInput source="customerId" label="Customer" choices={choices} isPending={isPending} validate={required()} />
    </>
  );
}
