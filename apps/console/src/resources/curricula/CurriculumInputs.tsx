import { BooleanInput, NumberInput, required, SelectInput, TextInput, usePermissions } from 'react-admin';
import { FormRow } from '../../common/FormRow';
import { pickFields } from '../../common/pick';
import type { TandemPermissions } from '../../providers/authProvider';
import { curriculumLevelChoices } from './choices';

const FIELDS = ['title', 'description', 'skillArea', 'hours', 'level', 'shared', 'socCodes'] as const;
/** SOC codes are typed as a comma-separated list. */
function withSocCodes<T extends Record<string, unknown>>(data: T): T {
  const raw = data['socCodes'];
  const socCodes = raw === null ? [] : typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : raw;
  return { ...data, socCodes };
}
export const curriculumCreateBody = (data: Record<string, unknown>) => withSocCodes(pickFields([...FIELDS, 'previousVersionId'] as const)(data));
export const curriculumUpdateBody = (data: Record<string, unknown>) => withSocCodes(pickFields(FIELDS)(data));

export function CurriculumInputs() {
  const { permissions } = usePermissions<TandemPermissions>();
  // a union representative proposes; staff share
  const proposes = permissions?.role === 'union_representative';
  return (
    <>
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="description" multiline fullWidth />
      <FormRow>
        <TextInput source="skillArea" label="Skill area" validate={required()} helperText="lean, setup reduction, quality/SPC, maintenance, CNC, welding…" />
        <NumberInput source="hours" validate={required()} min={0.5} step={0.5} />
        <SelectInput source="level" choices={curriculumLevelChoices} validate={required()} />
      </FormRow>
      <FormRow>
        <TextInput source="socCodes" label="Occupations (SOC codes)" helperText="comma-separated, e.g. 51-4041, 51-4121" format={(v: unknown) => (Array.isArray(v) ? v.join(', ') : (v as string | undefined))} />
        {!proposes && <BooleanInput source="shared" label="Shared with the consortium" />}
      </FormRow>
    </>
  );
}
