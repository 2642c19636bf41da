import { Edit, Labeled, ReferenceField, SimpleForm, TextField } from 'react-admin';
import { FirmName } from '../../common/FirmName';
import { MetricGoalInputs, metricGoalUpdateBody } from './MetricGoalInputs';

export function MetricGoalEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={metricGoalUpdateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <Labeled label="Firm">
          <FirmName source="organisationId" />
        </Labeled>
        <Labeled label="Metric">
          <ReferenceField source="metricId" reference="metric-definitions" link={false}>
            <TextField source="name" />
          </ReferenceField>
        </Labeled>
        <MetricGoalInputs />
      </SimpleForm>
    </Edit>
  );
}
