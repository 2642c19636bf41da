import { AutocompleteInput, Create, ReferenceInput, required, SimpleForm } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { pickFields } from '../../common/pick';
import { FormRow } from '../../common/FormRow';

const body = pickFields(['sessionId', 'traineeId'] as const);

/** A firm enrols one of its workers in a session with a seat left (the API refuses a full session). */
export function EnrolmentCreate() {
  const [params] = useSearchParams();
  const sessionId = params.get('sessionId');
  return (
    <Create transform={body} redirect="show">
      <SimpleForm defaultValues={sessionId ? { sessionId } : {}}>
        <FormRow>
          <ReferenceInput source="sessionId" reference="course-sessions" sort={{ field: 'startsOn', order: 'ASC' }} filter={{ from: new Date().toISOString().slice(0, 10) }}>
            <AutocompleteInput label="Session" validate={required()} filterToQuery={(q: string) => ({ q })} />
          </ReferenceInput>
          <ReferenceInput source="traineeId" reference="trainees" sort={{ field: 'lastName', order: 'ASC' }}>
            <AutocompleteInput label="Trainee" validate={required()} filterToQuery={(q: string) => ({ q })} />
          </ReferenceInput>
        </FormRow>
      </SimpleForm>
    </Create>
  );
}
