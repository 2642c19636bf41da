import { Create, SimpleForm } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { curriculumCreateBody, CurriculumInputs } from './CurriculumInputs';

/** A new curriculum, or (from a curriculum's page) its next version. */
export function CurriculumCreate() {
  const [params] = useSearchParams();
  const previousVersionId = params.get('previousVersionId');
  return (
    <Create transform={curriculumCreateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges defaultValues={{ level: 'introductory', shared: false, ...(previousVersionId ? { previousVersionId } : {}) }}>
        <CurriculumInputs />
      </SimpleForm>
    </Create>
  );
}
