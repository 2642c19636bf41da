import { AutocompleteInput, ReferenceInput, SelectInput } from 'react-admin';

export function metricGoalFilters(staff: boolean) {
  return [
    <ReferenceInput key="metricId" source="metricId" reference="metric-definitions" sort={{ field: 'code', order: 'ASC' }} perPage={100} alwaysOn>
      <SelectInput label="Metric" optionText="code" />
    </ReferenceInput>,
    ...(staff
      ? [
          <ReferenceInput key="organisationId" source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
            <AutocompleteInput label="Firm" optionText="name" filterToQuery={(q: string) => ({ q })} />
          </ReferenceInput>,
        ]
      : []),
  ];
}
