import { Edit, SimpleForm } from 'react-admin';
import { CourseSessionInputs, courseSessionUpdateBody } from './CourseSessionInputs';

export function CourseSessionEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={courseSessionUpdateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <CourseSessionInputs />
      </SimpleForm>
    </Edit>
  );
}
