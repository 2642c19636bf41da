import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { allows } from '../providers/canAccess';
import { getSessionUser } from '../providers/session';
import { RESOURCE_MENU } from '../resources/menu';
import { AccessDeniedPage } from './AccessDeniedPage';

const RESOURCES = new Set<string>(RESOURCE_MENU.map((e) => e.resource));

/** The react-admin action a resource route stands for: /r → list, /r/create, /r/summary, /r/:id/show, /r/:id → edit. */
export function routeAction(pathname: string): { resource: string; action: string } | null {
  const [resource, second, third, ...rest] = pathname.split('/').filter(Boolean);
  if (rest.length > 0) return null;
  if (!resource || !RESOURCES.has(resource)) return null;
  if (second === undefined) return { resource, action: 'list' };
  if (second === 'create') return { resource, action: 'create' };
  // a resource's summary page (/customer-feedback/summary): its own permission, <resource>.summary
  if (second === 'summary' && third === undefined) return { resource, action: 'summary' };
  if (third === undefined) return { resource, action: 'edit' };
  return third === 'show' ? { resource, action: 'show' } : null;
}

/**
 * Decides before a resource page renders whether the role may use it. react-admin's own
 * check redirects only after the list or record query has gone out (and met a 403); the
 * session already holds the permissions, so the answer here is synchronous.
 */
export function RouteAccess({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const route = routeAction(pathname);
  const user = getSessionUser();
  if (route && user && !allows(user.permissions, route.resource, route.action)) return <AccessDeniedPage />;
  return <>{children}</>;
}
