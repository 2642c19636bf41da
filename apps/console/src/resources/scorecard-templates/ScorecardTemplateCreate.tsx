import { Create, SimpleForm } from 'react-admin';
import { DEFAULT_TEMPLATE, scorecardTemplateCreateBody, ScorecardTemplateInputs, ScorecardTemplateScopeInput } from './ScorecardTemplateInputs';

export function ScorecardTemplateCreate() {
  return (
    <Create transform={scorecardTemplateCreateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges defaultValues={DEFAULT_TEMPLATE}>
        <ScorecardTemplateScopeInput />
        <ScorecardTemplateInputs />
      </SimpleForm>
    </Create>
  );
}
