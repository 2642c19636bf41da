import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { AcceptInvitePage } from './auth/AcceptInvitePage';
import { LoginPage } from './auth/LoginPage';
import { ProfilePage } from './profile/ProfilePage';
import { Dashboard } from './dashboard/Dashboard';
import { AccessDeniedPage } from './layout/AccessDeniedPage';
import { Layout } from './layout/Layout';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { resources } from './resources';
import { theme } from './theme';

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
    >
      {resources.map((resource) => (
        <Resource key={resource.name} {...resource} />
      ))}
      <CustomRoutes>
        <Route path="/profile" element={<ProfilePage />} />
      </CustomRoutes>
      <CustomRoutes noLayout>
        <Route path="/accept-invite" element={<AcceptInvitePage />} />
      </CustomRoutes>
    </Admin>
  );
}
