import { AutocompleteInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { metricValueSourceChoices, metricValueStatusChoices, yesNoFilter } from '../../common/enumChoices';

const outlierChoices = [
  { id: 'true', name: 'Flagged outliers' },
  { id: 'false', name: 'Not flagged' },
];

const reportedByChoices = [
  { id: 'false', name: 'The firm itself' },
  { id: 'true', name: 'A customer' },
];

/** Staff filter by firm; a firm sees its own values only, so it has no firm filter. */
export function metricValueFilters(staff: boolean) {
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder="Metric code or firm" />,
    <SelectInput key="status" source="status" choices={metricValueStatusChoices} alwaysOn />,
    <SelectInput key="outlier" source="outlier" label="Outlier" choices={outlierChoices} alwaysOn {...yesNoFilter} />,
    // Autocompletes searched on the server: a calendar and a catalogue outgrow one page.
    <ReferenceInput key="periodId" source="periodId" reference="periods" sort={{ field: 'startsOn', order: 'DESC' }} alwaysOn>
      <AutocompleteInput label="Period" optionText="code" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 180 }} />
    </ReferenceInput>,
    <ReferenceInput key="metricId" source="metricId" reference="metric-definitions" sort={{ field: 'code', order: 'ASC' }}>
      <AutocompleteInput label="Metric" optionText="code" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 180 }} />
    </ReferenceInput>,
    <SelectInput key="customerReported" source="customerReported" label="Reported by" choices={reportedByChoices} {...yesNoFilter} />,
    <SelectInput key="source" source="source" choices={metricValueSourceChoices} />,
    ...(staff
      ? [
          <ReferenceInput key="organisationId" source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput label="Firm" optionText="name" filterToQuery={(q: string) => ({ q })} />
          </ReferenceInput>,
        ]
      : []),
  ];
}
