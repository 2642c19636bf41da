import { apiKeys } from './api-keys';
import { auditEvents } from './audit-events';
import { consortia } from './consortia';
import { memberships } from './memberships';
import { organisations } from './organisations';
import { outbox } from './outbox';
import { roleAssignments } from './role-assignments';
import { users } from './users';

/** In menu order (see menu.ts). */
export const resources = [consortia, organisations, memberships, users, roleAssignments, apiKeys, auditEvents, outbox];
