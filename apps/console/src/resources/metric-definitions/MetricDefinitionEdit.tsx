import Alert from '@mui/material/Alert';
import { Edit, Labeled, SimpleForm, TextField, WithRecord } from 'react-admin';
import type { MetricDefinition } from '@tandem/contracts';
import { MetricDefinitionInputs, metricDefinitionUpdateBody } from './MetricDefinitionInputs';

export function MetricDefinitionEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={metricDefinitionUpdateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <Labeled label="Code">
          <TextField source="code" />
        </Labeled>
        <WithRecord<MetricDefinition>
          render={(metric) => (
            <>
              {metric.standard && (
                <Alert severity="info" sx={{ mb: 2 }}>
                  A standard catalogue metric: only whether it is enabled and its outlier factor can change.
                </Alert>
              )}
              <MetricDefinitionInputs standard={metric.standard} />
            </>
          )}
        />
      </SimpleForm>
    </Edit>
  );
}
