import { ArrayInput, Create, NumberInput, SelectInput, SimpleForm, SimpleFormIterator, TextInput, minValue, required } from 'react-admin';
import { commitmentKindChoices, commitmentSideChoices } from '../../common/enumChoices';

/** Staff draft a new version: it is published from its page, which asks every member to sign it. */
export function CharterCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <TextInput source="title" validate={required()} fullWidth />
        <TextInput source="summary" multiline fullWidth />
        <ArrayInput source="templates" label="Commitments">
          <SimpleFormIterator inline>
            <SelectInput source="kind" choices={commitmentKindChoices} validate={required()} />
            <SelectInput source="side" label="Applies to" choices={commitmentSideChoices} validate={required()} />
            <NumberInput source="target" validate={[required(), minValue(0)]} />
            <TextInput source="description" validate={required()} />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
}
