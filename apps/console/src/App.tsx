import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { LoginPage } from './auth/LoginPage';
import { lazyView } from './common/lazyView';
// Static: the route guard (RouteAccess) renders it too, so a lazy chunk would gain nothing.
import { AccessDeniedPage } from './layout/AccessDeniedPage';
import { Layout } from './layout/Layout';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { resources } from './resources';
import { benchmarkResources } from './benchmarks';
import { theme } from './theme';

// Only the login page is in the first chunk; every other page loads when first visited.
const AcceptInvitePage = lazyView(() => import('./auth/AcceptInvitePage').then((m) => m.AcceptInvitePage));
const Dashboard = lazyView(() => import('./dashboard/Dashboard').then((m) => m.Dashboard));
const ProfilePage = lazyView(() => import('./profile/ProfilePage').then((m) => m.ProfilePage));
const SupplyBasePage = lazyView(() => import('./benchmarks/SupplyBase').then((m) => m.SupplyBasePage));
const DemandAnswerPage = lazyView(() => import('./resources/demand-surveys/DemandAnswerPage').then((m) => m.DemandAnswerPage));
const DemandGapPage = lazyView(() => import('./resources/demand-surveys/DemandGapPage').then((m) => m.DemandGapPage));
const CustomerFeedbackSummaryPage = lazyView(() => import('./resources/customer-feedback/CustomerFeedbackSummaryPage').then((m) => m.CustomerFeedbackSummaryPage));

export function App() {
  return (
    <Admin
      title="Tandem"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={Layout}
      accessDenied={AccessDeniedPage}
      loginPage={LoginPage}
      theme={theme}
      disableTelemetry
      requireAuth
    >
      {[...resources, ...benchmarkResources].map((resource) => (
        <Resource key={resource.name} {...resource} />
      ))}
      <CustomRoutes>
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="/supply-base" element={<SupplyBasePage />} />
        <Route path="/customer-feedback/summary" element={<CustomerFeedbackSummaryPage />} />
        <Route path="/demand-surveys/:id/answer" element={<DemandAnswerPage />} />
        <Route path="/demand-surveys/:id/gap" element={<DemandGapPage />} />
      </CustomRoutes>
      <CustomRoutes noLayout>
        <Route path="/accept-invite" element={<AcceptInvitePage />} />
      </CustomRoutes>
    </Admin>
  );
}
