import { Create, SimpleForm } from 'react-admin';
import { metricGoalCreateBody, MetricGoalInputs, MetricGoalSubjectInputs } from './MetricGoalInputs';

export function MetricGoalCreate() {
  return (
    <Create transform={metricGoalCreateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <MetricGoalSubjectInputs />
        <MetricGoalInputs />
      </SimpleForm>
    </Create>
  );
}
