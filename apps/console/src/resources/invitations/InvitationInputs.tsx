import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import {
  AutocompleteInput,
  email,
  FormDataConsumer,
  Labeled,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useGetOne,
  usePermissions,
} from 'react-admin';
import { FIRM_ADMIN_GRANTS, ORGANISATION_ROLES, ROLE_LABELS, ROLE_ORGANISATION_KINDS, type Organisation, type Role } from '@tandem/contracts';
import { FormRow } from '../../common/FormRow';
import { roleChoices, type Choice } from '../../common/choices';
import type { TandemPermissions } from '../../providers/authProvider';
import { getSessionUser } from '../../providers/session';


/** What each role may do, in a line, so the inviter picks knowingly. */
export const ROLE_HINTS: Record<Role, string> = {
  platform_admin: 'Operates the whole installation, across consortia',
  consortium_staff: 'Runs the consortium: members, periods, metric catalogue, people',
  firm_admin: "Manages the firm's people, API keys and figures",
  firm_contributor: "Enters and imports the firm's figures",
  customer_buyer: "Reports delivery and quality for the firm's suppliers",
  union_representative: 'Co-approves training plans; sees no firm figures',
  trainer: 'Delivers training; sees no firm figures',
  funder: 'Sees aggregate dashboards only, never one firm',
};

export function needsOrganisation(role: unknown): boolean {
  return typeof role === 'string' && (ORGANISATION_ROLES as readonly string[]).includes(role);
}

/**
 * Only what the API accepts for the chosen role: an organisation only for roles that act
 * for one, a consortium unless the role is platform-wide (a field left from an earlier
 * choice of role would be refused).
 */
export function invitationBody(data: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: typeof data.name === 'string' ? data.name.trim() : data.name,
    email: typeof data.email === 'string' ? data.email.trim() : data.email,
    role: data.role,
  };
  if (needsOrganisation(data.role) && data.organisationId) body.organisationId = data.organisationId;
  if (data.role !== 'platform_admin' && data.consortiumId) body.consortiumId = data.consortiumId;
  return body;
}

/**
 * The roles the signed-in person may offer (the API's invitation policy decides; this keeps
 * the form from offering what it would refuse): a firm admin offers its own firm's roles,
 * a buyer only when the firm is a customer.
 */
export function useInvitableRoles(): Choice[] {
  const { permissions } = usePermissions<TandemPermissions>();
  const firmAdmin = permissions?.role === 'firm_admin';
  const organisationId = getSessionUser()?.organisationId ?? '';
  const { data: own } = useGetOne<Organisation>('organisations', { id: organisationId }, { enabled: firmAdmin && Boolean(organisationId) });
  if (permissions?.role === 'platform_admin') return roleChoices;
  if (permissions?.role === 'consortium_staff') return roleChoices.filter((c) => c.id !== 'platform_admin');
  if (firmAdmin) {
    const fits = (role: Role): boolean => !ROLE_ORGANISATION_KINDS[role] || (own !== undefined && (ROLE_ORGANISATION_KINDS[role] ?? []).includes(own.kind));
    return FIRM_ADMIN_GRANTS.filter(fits).map((id) => ({ id, name: ROLE_LABELS[id] }));
  }
  return [];
}

/** A firm admin invites into their own firm: it is shown, not chosen. */
function OwnOrganisation() {
  const organisationId = getSessionUser()?.organisationId ?? '';
  const { data } = useGetOne<Organisation>('organisations', { id: organisationId }, { enabled: Boolean(organisationId) });
  return (
    <Labeled label="Organisation">
      <Typography variant="body2" sx={{ py: 1 }}>
        {data?.name ?? '…'}
      </Typography>
    </Labeled>
  );
}

export function InvitationInputs() {
  const roles = useInvitableRoles();
  const { permissions } = usePermissions<TandemPermissions>();
  const platform = permissions?.role === 'platform_admin';
  const staff = platform || permissions?.role === 'consortium_staff';
  return (
    <>
      <FormRow>
        <TextInput source="name" validate={required()} helperText="How the invitation greets them; an existing account keeps its own name" />
        <TextInput source="email" type="email" validate={[required(), email()]} helperText="The invitation link is sent to this address" />
      </FormRow>
      <FormDataConsumer>
        {({ formData }) => (
          <FormRow>
            <SelectInput
              source="role"
              choices={roles}
              validate={required()}
              helperText={formData.role ? ROLE_HINTS[formData.role as Role] : 'What they may do once they accept'}
            />
            {platform && formData.role !== 'platform_admin' && (
              <ReferenceInput source="consortiumId" reference="consortia" sort={{ field: 'name', order: 'ASC' }}>
                <SelectInput label="Consortium" optionText="name" validate={required()} />
              </ReferenceInput>
            )}
            {staff && needsOrganisation(formData.role) && (
              <ReferenceInput source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
                <AutocompleteInput
                  label="Organisation"
                  optionText="name"
                  filterToQuery={(q: string) => ({ q })}
                  validate={required()}
                  helperText="A member of the consortium the role belongs to"
                />
              </ReferenceInput>
            )}
            {!staff && <OwnOrganisation />}
          </FormRow>
        )}
      </FormDataConsumer>
      <Alert severity="info" sx={{ maxWidth: 928, mt: 1 }}>
        They receive an e-mail with a personal link. Nothing changes until they accept it: a new address chooses a
        password, an address that already has a Tandem account confirms with its own. You can revoke the invitation
        while it is pending.
      </Alert>
    </>
  );
}
