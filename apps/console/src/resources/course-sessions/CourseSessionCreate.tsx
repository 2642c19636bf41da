import { Create, SimpleForm } from 'react-admin';
import { courseSessionCreateBody, CourseSessionInputs, CourseSessionSubjectInputs } from './CourseSessionInputs';

export function CourseSessionCreate() {
  return (
    <Create transform={courseSessionCreateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges defaultValues={{ capacity: 12, costPerSeat: 0 }}>
        <CourseSessionSubjectInputs />
        <CourseSessionInputs />
      </SimpleForm>
    </Create>
  );
}
