import { Edit, SimpleForm } from 'react-admin';
import { CurriculumInputs, curriculumUpdateBody } from './CurriculumInputs';

export function CurriculumEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={curriculumUpdateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <CurriculumInputs />
      </SimpleForm>
    </Edit>
  );
}
