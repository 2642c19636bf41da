import { Create, SimpleForm } from 'react-admin';
import { MetricCodeInput, metricDefinitionCreateBody, MetricDefinitionInputs } from './MetricDefinitionInputs';

export function MetricDefinitionCreate() {
  return (
    <Create transform={metricDefinitionCreateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges defaultValues={{ direction: 'higher', frequency: 'quarterly', reporters: ['supplier'], isRatio: false, outlierFactor: 3, enabled: true }}>
        <MetricCodeInput />
        <MetricDefinitionInputs />
      </SimpleForm>
    </Create>
  );
}
