import { AutocompleteInput, DateInput, NumberInput, ReferenceInput, required, TextInput, usePermissions } from 'react-admin';
import { FormRow } from '../../common/FormRow';
import { pickFields } from '../../common/pick';
import type { TandemPermissions } from '../../providers/authProvider';

const TERMS = ['startsOn', 'endsOn', 'hours', 'location', 'capacity', 'costPerSeat', 'grantId'] as const;
export const courseSessionCreateBody = pickFields(['curriculumId', 'providerOrganisationId', ...TERMS] as const);
export const courseSessionUpdateBody = pickFields(TERMS);

/** What is scheduled: the curriculum, and (staff) the provider; a trainer schedules for its own organisation. */
export function CourseSessionSubjectInputs() {
  const { permissions } = usePermissions<TandemPermissions>();
  const staff = permissions?.role === 'consortium_staff' || permissions?.role === 'platform_admin';
  return (
    <FormRow>
      <ReferenceInput source="curriculumId" reference="curricula" sort={{ field: 'title', order: 'ASC' }}>
        <AutocompleteInput label="Curriculum" optionText="title" validate={required()} filterToQuery={(q: string) => ({ q })} />
      </ReferenceInput>
      {staff && (
        <ReferenceInput source="providerOrganisationId" reference="organisations" filter={{ kind: ['training_provider', 'college', 'extension_centre'] }} sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput label="Provider" optionText="name" validate={required()} filterToQuery={(q: string) => ({ q })} />
        </ReferenceInput>
      )}
    </FormRow>
  );
}

export function CourseSessionInputs() {
  const { permissions } = usePermissions<TandemPermissions>();
  const grants = permissions?.permissions.includes('grants.read') ?? false;
  return (
    <>
      <FormRow>
        <DateInput source="startsOn" label="Starts" validate={required()} />
        <DateInput source="endsOn" label="Ends" validate={required()} />
        <NumberInput source="hours" validate={required()} min={0.5} step={0.5} helperText="the session's length: no one attends more" />
      </FormRow>
      <FormRow>
        <TextInput source="location" validate={required()} />
        <NumberInput source="capacity" validate={required()} min={1} step={1} />
        <NumberInput source="costPerSeat" label="Cost per seat" validate={required()} min={0} />
      </FormRow>
      {grants && (
        <ReferenceInput source="grantId" reference="grants" sort={{ field: 'startsOn', order: 'DESC' }}>
          <AutocompleteInput label="Paid by grant" optionText="name" filterToQuery={(q: string) => ({ q })} />
        </ReferenceInput>
      )}
    </>
  );
}
