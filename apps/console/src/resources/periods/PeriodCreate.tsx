import { Create, SimpleForm } from 'react-admin';
import { PeriodCodeInput, periodCreateBody, PeriodInputs } from './PeriodInputs';

export function PeriodCreate() {
  return (
    <Create transform={periodCreateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <PeriodCodeInput />
        <PeriodInputs />
      </SimpleForm>
    </Create>
  );
}
