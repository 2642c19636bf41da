import Alert from '@mui/material/Alert';
import { email, FormDataConsumer, required, SelectInput, TextInput } from 'react-admin';
import { userStatusChoices } from '../../common/choices';
import { FormRow } from '../../common/FormRow';
import { pickFields } from '../../common/pick';

export const USER_UPDATE_FIELDS = ['name', 'email', 'status'] as const;
export const userUpdateBody = pickFields(USER_UPDATE_FIELDS);

/**
 * The account itself (the platform admin's correction): the same person may hold roles in
 * several firms and consortia, so these changes reach all of them.
 */
export function UserInputs() {
  return (
    <>
      <FormRow>
        <TextInput source="name" validate={required()} />
        <TextInput source="email" type="email" validate={[required(), email()]} helperText="The address this person signs in with" />
        <SelectInput source="status" choices={userStatusChoices} validate={required()} />
      </FormRow>
      <FormDataConsumer>
        {({ formData }) =>
          formData.status === 'disabled' ? (
            <Alert severity="warning" sx={{ maxWidth: 928 }} data-testid="disable-warning">
              Disabling the account ends every session of this person at once and refuses their sign-in under every role, in
              every firm and consortium, until it is re-enabled.
            </Alert>
          ) : (
            <Alert severity="info" sx={{ maxWidth: 928 }}>
              These details belong to the whole account: they change for every role this person holds.
            </Alert>
          )
        }
      </FormDataConsumer>
    </>
  );
}
