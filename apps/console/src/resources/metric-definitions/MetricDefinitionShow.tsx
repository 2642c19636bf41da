import Box from '@mui/material/Box';
import { BooleanField, EditButton, Labeled, NumberField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { metricCategoryChoices, metricDirectionChoices, metricFrequencyChoices } from '../../common/enumChoices';
import { EnabledField, RangeField, RatioField, ReportersField } from './MetricDefinitionFields';
import { ToggleEnabledButton } from './ToggleEnabledButton';
import { DateTimeField } from '../../common/DateFields';

export function MetricDefinitionShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <ToggleEnabledButton />
          <EditButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Labeled label="Code">
            <TextField source="code" />
          </Labeled>
          <Labeled label="Name">
            <TextField source="name" />
          </Labeled>
          <Labeled label="Unit">
            <TextField source="unit" />
          </Labeled>
          <Labeled label="Better">
            <SelectField source="direction" choices={metricDirectionChoices} />
          </Labeled>
          <Labeled label="Valid range">
            <RangeField />
          </Labeled>
        </Box>
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Labeled label="Frequency">
            <SelectField source="frequency" choices={metricFrequencyChoices} />
          </Labeled>
          <Labeled label="Collected in this consortium">
            <SelectField source="collectionFrequency" choices={metricFrequencyChoices} />
          </Labeled>
          <Labeled label="Reported by">
            <ReportersField />
          </Labeled>
          <Labeled label="Ratio">
            <RatioField />
          </Labeled>
          <Labeled label="Outlier factor">
            <NumberField source="outlierFactor" />
          </Labeled>
          <Labeled label="Sharing category">
            <SelectField source="category" choices={metricCategoryChoices} emptyText="none (shown to no customer)" />
          </Labeled>
          <Labeled label="Standard catalogue">
            <BooleanField source="standard" />
          </Labeled>
          <Labeled label="State">
            <EnabledField />
          </Labeled>
          <Labeled label="Updated">
            <DateTimeField source="updatedAt" />
          </Labeled>
        </Box>
      </SimpleShowLayout>
    </Show>
  );
}
