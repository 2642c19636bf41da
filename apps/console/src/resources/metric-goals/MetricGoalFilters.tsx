import { AutocompleteInput, ReferenceInput } from 'react-admin';

export function metricGoalFilters(staff: boolean) {
  return [
    <ReferenceInput key="metricId" source="metricId" reference="metric-definitions" sort={{ field: 'code', order: 'ASC' }} alwaysOn>
      <AutocompleteInput label="Metric" optionText="code" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 180 }} />
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
