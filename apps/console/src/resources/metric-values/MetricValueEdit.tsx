import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { Edit, Labeled, SimpleForm, useRecordContext, WithRecord } from 'react-admin';
import type { MetricValue } from '@tandem/contracts';
import { FirmName } from '../../common/FirmName';
import { useIsReporter } from './useIsReporter';
import { MetricValueInputs, metricValueUpdateBody } from './MetricValueInputs';

function Title() {
  const value = useRecordContext<MetricValue>();
  return <span>{value ? `Change ${value.metricCode} · ${value.periodCode}` : 'Change a value'}</span>;
}

function Form() {
  const value = useRecordContext<MetricValue>();
  const reporter = useIsReporter(value);
  if (!value) return null;
  if (!reporter) {
    return (
      <Alert severity="info" sx={{ m: 2 }}>
        This value was reported by {value.customerId ? 'a customer' : 'the firm'}; only its reporter or consortium staff can change it.
      </Alert>
    );
  }
  return (
    <SimpleForm warnWhenUnsavedChanges>
      <Labeled label="Firm">
        <FirmName source="organisationId" />
      </Labeled>
      <Labeled label="Metric and period">
        <WithRecord<MetricValue> render={(v) => <Typography variant="body2">{`${v.metricCode} · ${v.periodCode}`}</Typography>} />
      </Labeled>
      <MetricValueInputs />
    </SimpleForm>
  );
}

/** Every change is a new revision; a stale revision answers 409 and its message is shown. */
export function MetricValueEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={metricValueUpdateBody} redirect="show" title={<Title />}>
      <Form />
    </Edit>
  );
}
