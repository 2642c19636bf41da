import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useGetIdentity, useGetOne, usePermissions } from 'react-admin';
import { ROLE_LABELS } from '@tandem/contracts';
import type { TandemPermissions } from '../providers/authProvider';
import { getSessionUser } from '../providers/session';

/** Who you are here: your role, and the organisation and consortium you act for. */
export function WelcomeCard() {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<TandemPermissions>();
  const user = getSessionUser();
  const organisation = useGetOne('organisations', { id: user?.organisationId ?? '' }, { enabled: Boolean(user?.organisationId) });
  const consortium = useGetOne('consortia', { id: user?.consortiumId ?? '' }, { enabled: Boolean(user?.consortiumId) });
  return (
    <Card data-testid="welcome-card">
      <CardContent>
        <Typography variant="h5" gutterBottom>
          Welcome{identity?.fullName ? `, ${identity.fullName}` : ''}
        </Typography>
        <Typography variant="body1" color="text.secondary">
          You are signed in as <strong>{permissions?.role ? ROLE_LABELS[permissions.role] : '…'}</strong>
          {organisation.data?.name ? (
            <>
              {' '}for <strong>{organisation.data.name}</strong>
            </>
          ) : null}
          {consortium.data?.name ? (
            <>
              {' '}in <strong>{consortium.data.name}</strong>
            </>
          ) : null}
          .
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Tandem keeps the consortium's commitments, shared information and monitoring in one place. Use the menu to
          reach what your role may see.
        </Typography>
      </CardContent>
    </Card>
  );
}
