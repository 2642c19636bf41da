import { SelectInput, TextInput } from 'react-admin';
import { outboxStatusChoices } from '../../common/choices';

export const outboxFilters = [
  <SelectInput key="status" source="status" choices={outboxStatusChoices} alwaysOn />,
  <TextInput key="to" source="to" label="Recipient" alwaysOn />,
];
