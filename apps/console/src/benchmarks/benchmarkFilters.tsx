import { ReferenceInput, SelectInput } from 'react-admin';

/**
 * The filters of the benchmark lists (cells, standings): period, metric and peer group. Members
 * pick among published periods only (nothing is shown them before); staff also among closed
 * ones, whose benchmarks they review before publishing.
 */
export function benchmarkFilters(staff = false) {
  return [
    <ReferenceInput key="periodId" source="periodId" reference="periods" filter={staff ? { state: ['closed', 'published'] } : { state: 'published' }} sort={{ field: 'startsOn', order: 'DESC' }} alwaysOn>
      <SelectInput label="Period" optionText="code" />
    </ReferenceInput>,
    <ReferenceInput key="metricId" source="metricId" reference="metric-definitions" sort={{ field: 'code', order: 'ASC' }} perPage={100} alwaysOn>
      <SelectInput label="Metric" optionText="code" />
    </ReferenceInput>,
    <ReferenceInput key="peerGroupId" source="peerGroupId" reference="peer-groups" sort={{ field: 'name', order: 'ASC' }} perPage={200} alwaysOn>
      <SelectInput label="Peer group" optionText="name" />
    </ReferenceInput>,
  ];
}
