import { Edit, Labeled, SimpleForm, useRecordContext } from 'react-admin';
import { ScorecardTemplateInputs, scorecardTemplateUpdateBody, templateToForm } from './ScorecardTemplateInputs';
import { TemplateScopeField } from './ScorecardTemplateFields';

function Form() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <SimpleForm warnWhenUnsavedChanges record={templateToForm(record)}>
      <Labeled label="For">
        <TemplateScopeField />
      </Labeled>
      <ScorecardTemplateInputs />
    </SimpleForm>
  );
}

/** Saving replaces the criteria (matched by metric); computed scorecards keep their own copy of the result. */
export function ScorecardTemplateEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={scorecardTemplateUpdateBody} redirect="show">
      <Form />
    </Edit>
  );
}
