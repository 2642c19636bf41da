import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Factory from '@mui/icons-material/Factory';
import Hub from '@mui/icons-material/Hub';
import MailOutlined from '@mui/icons-material/MailOutlined';
import People from '@mui/icons-material/People';
import { Title, useGetIdentity, usePermissions } from 'react-admin';
import type { TandemPermissions } from '../providers/authProvider';
import { BuyerHome } from './BuyerHome';
import { CountWidget } from './CountWidget';
import { CustomerFeedbackCard } from './CustomerFeedbackCard';
import { FirmHome } from './FirmHome';
import { MembershipStatusWidget } from './MembershipStatusWidget';
import { RoleStatement } from './RoleStatement';
import { StaffHome } from './StaffHome';
import { UnionHome } from './UnionHome';
import { TrainerHome } from './TrainerHome';
import { useDashboardCounts } from './useDashboardCounts';
import { WelcomeCard } from './WelcomeCard';

/** The operator of the installation: counts across every consortium, aggregated by the API. */
function PlatformCounts() {
  const state = useDashboardCounts(true);
  if (state.status === 'loading') return <LinearProgress sx={{ mt: 2 }} />;
  if (state.status === 'error') return <Alert severity="error" sx={{ mt: 2 }}>{state.message}</Alert>;
  const { counts } = state;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, mt: 2 }} data-testid="dashboard-widgets">
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <CountWidget label="Consortia" value={counts.consortia} icon={<Hub />} to="/consortia" testId="count-consortia" />
        <CountWidget label="Organisations" value={counts.organisations} icon={<Factory />} to="/organisations" testId="count-organisations" />
        <CountWidget label="Users" value={counts.users} icon={<People />} to="/users" testId="count-users" />
        <CountWidget
          label="Pending e-mails"
          value={counts.pendingOutbox}
          icon={<MailOutlined />}
          to={`/outbox?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`}
          testId="count-pending-outbox"
        />
      </Box>
      <MembershipStatusWidget counts={counts.memberships} />
    </Box>
  );
}

/** Each role lands on its own work, every figure counted by the API. */
export function Dashboard() {
  const { permissions } = usePermissions<TandemPermissions>();
  const { identity } = useGetIdentity();
  const organisationId = typeof identity?.organisationId === 'string' ? identity.organisationId : undefined;
  const role = permissions?.role;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Home" />
      <WelcomeCard />
      {role === 'platform_admin' && <PlatformCounts />}
      {role === 'consortium_staff' && <StaffHome />}
      {(role === 'firm_admin' || role === 'firm_contributor') && <FirmHome organisationId={organisationId} />}
      {role === 'customer_buyer' && <BuyerHome organisationId={organisationId} />}
      {role && role !== 'platform_admin' && permissions?.permissions.includes('customer-feedback.summary') && (
        <Box sx={{ mt: 2 }}>
          <CustomerFeedbackCard role={role} />
        </Box>
      )}
      {role === 'union_representative' && <UnionHome />}
      {role === 'trainer' && <TrainerHome />}
      {role && <RoleStatement role={role} />}
    </Box>
  );
}
