import { BooleanInput, CheckboxGroupInput, FormDataConsumer, minValue, NumberInput, regex, required, SelectInput, TextInput } from 'react-admin';
import { FormRow } from '../../common/FormRow';
import { pickFields } from '../../common/pick';
import { metricCategoryChoices, metricDirectionChoices, metricFrequencyChoices, metricReporterChoices } from '../../common/enumChoices';

const DEFINITION_FIELDS = [
  'name',
  'unit',
  'direction',
  'minValue',
  'maxValue',
  'frequency',
  'reporters',
  'isRatio',
  'ratioScale',
  'numeratorLabel',
  'denominatorLabel',
  'outlierFactor',
  'enabled',
  'category',
] as const;
export const metricDefinitionCreateBody = pickFields(['code', ...DEFINITION_FIELDS] as const);
const customUpdateBody = pickFields(DEFINITION_FIELDS);
const standardUpdateBody = pickFields(['enabled', 'outlierFactor'] as const);

/** A standard catalogue entry changes only its enabled flag and outlier factor (metrics.md is the definition). */
export function metricDefinitionUpdateBody(data: Record<string, unknown>) {
  return data.standard === true ? standardUpdateBody(data) : customUpdateBody(data);
}

export function MetricCodeInput() {
  return (
    <TextInput
      source="code"
      validate={[required(), regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'Upper-case letters, digits and underscores, starting with a letter')]}
      helperText="Used in CSV imports and the API push, e.g. FIRST_PASS_YIELD"
    />
  );
}

/** The definition; for standard entries everything but enabled and the outlier factor is fixed. */
export function MetricDefinitionInputs({ standard = false }: { standard?: boolean }) {
  return (
    <>
      <FormRow>
        <TextInput source="name" validate={required()} disabled={standard} />
        <TextInput source="unit" validate={required()} disabled={standard} helperText="e.g. %, days, parts per million" />
        <SelectInput source="direction" label="Better" choices={metricDirectionChoices} validate={required()} disabled={standard} />
      </FormRow>
      <FormRow>
        <NumberInput source="minValue" label="Lowest valid value" helperText="Empty: no lower bound" disabled={standard} />
        <NumberInput source="maxValue" label="Highest valid value" helperText="Empty: no upper bound" disabled={standard} />
        <SelectInput source="frequency" choices={metricFrequencyChoices} validate={required()} disabled={standard} />
      </FormRow>
      <CheckboxGroupInput source="reporters" label="Reported by" choices={metricReporterChoices} validate={required()} disabled={standard} />
      <SelectInput
        source="category"
        label="Sharing category"
        choices={metricCategoryChoices}
        emptyText="None: shown to no customer"
        helperText="Suppliers choose per customer which categories of their own figures it sees"
        disabled={standard}
      />
      <BooleanInput source="isRatio" label="Ratio (keeps numerator and denominator)" disabled={standard} />
      <FormDataConsumer>
        {({ formData }) =>
          formData.isRatio ? (
            <FormRow>
              <NumberInput source="ratioScale" label="Scale" helperText="value = numerator ÷ denominator × scale (100 for %)" validate={required()} disabled={standard} />
              <TextInput source="numeratorLabel" label="Numerator" disabled={standard} />
              <TextInput source="denominatorLabel" label="Denominator" disabled={standard} />
            </FormRow>
          ) : null
        }
      </FormDataConsumer>
      <FormRow>
        <NumberInput source="outlierFactor" label="Outlier factor" helperText="Flag a move of more than this factor from the previous period" validate={minValue(1.001)} />
        <BooleanInput source="enabled" />
      </FormRow>
    </>
  );
}
