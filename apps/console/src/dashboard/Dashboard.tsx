import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Factory from '@mui/icons-material/Factory';
import Hub from '@mui/icons-material/Hub';
import MailOutlined from '@mui/icons-material/MailOutlined';
import People from '@mui/icons-material/People';
import { Title, useCanAccess } from 'react-admin';
import { CountWidget } from './CountWidget';
import { MembershipStatusWidget } from './MembershipStatusWidget';
import { useDashboardCounts } from './useDashboardCounts';
import { WelcomeCard } from './WelcomeCard';

function CountsWidgets() {
  const state = useDashboardCounts(true);
  const { canAccess: canReadOutbox } = useCanAccess({ resource: 'outbox', action: 'list' });
  const { canAccess: canReadUsers } = useCanAccess({ resource: 'users', action: 'list' });
  if (state.status === 'loading') return <LinearProgress sx={{ mt: 2 }} />;
  if (state.status === 'error') return <Alert severity="error" sx={{ mt: 2 }}>{state.message}</Alert>;
  const { counts } = state;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, mt: 2 }} data-testid="dashboard-widgets">
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <CountWidget label="Consortia" value={counts.consortia} icon={<Hub />} to="/consortia" testId="count-consortia" />
        <CountWidget label="Organisations" value={counts.organisations} icon={<Factory />} to="/organisations" testId="count-organisations" />
        <CountWidget label="Users" value={counts.users} icon={<People />} to={canReadUsers ? '/users' : undefined} testId="count-users" />
        <CountWidget
          label="Pending e-mails"
          value={counts.pendingOutbox}
          icon={<MailOutlined />}
          to={canReadOutbox ? `/outbox?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}` : undefined}
          testId="count-pending-outbox"
        />
      </Box>
      <MembershipStatusWidget counts={counts.memberships} />
    </Box>
  );
}

/** Staff (and funders) see counts aggregated by the API; everyone gets the welcome card. */
export function Dashboard() {
  const { canAccess: canReadDashboard } = useCanAccess({ resource: 'dashboard', action: 'read' });
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Dashboard" />
      <WelcomeCard />
      {canReadDashboard && <CountsWidgets />}
    </Box>
  );
}
