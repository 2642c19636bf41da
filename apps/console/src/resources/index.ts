import { apiKeys } from './api-keys';
import { auditEvents } from './audit-events';
import { backgroundJobs } from './background-jobs';
import { charters } from './charters';
import { commitmentReviews } from './commitment-reviews';
import { commitments } from './commitments';
import { consortia } from './consortia';
import { courseSessions } from './course-sessions';
import { curricula } from './curricula';
import { enrolments } from './enrolments';
import { correctiveActionPlans } from './corrective-action-plans';
import { customerFeedback } from './customer-feedback';
import { talentCirculation } from './talent-circulation';
import { demandSurveys } from './demand-surveys';
import { trainingFigures } from './training-figures';
import { imports } from './imports';
import { invitations } from './invitations';
import { memberships } from './memberships';
import { metricDefinitions } from './metric-definitions';
import { metricGoals } from './metric-goals';
import { metricValues } from './metric-values';
import { organisations } from './organisations';
import { outbox } from './outbox';
import { periods } from './periods';
import { reciprocity } from './reciprocity';
import { roleAssignments } from './role-assignments';
import { scorecardTemplates } from './scorecard-templates';
import { scorecards } from './scorecards';
import { supplyRelationships } from './supply-relationships';
import { trainingPlans } from './training-plans';
import { unionRepresentations } from './union-representations';
import { trainees } from './trainees';
import { users } from './users';

/** In menu order (see menu.ts). */
export const resources = [
  consortia,
  organisations,
  memberships,
  unionRepresentations,
  metricValues,
  imports,
  supplyRelationships,
  scorecards,
  correctiveActionPlans,
  customerFeedback,
  talentCirculation,
  trainingFigures,
  trainingPlans,
  demandSurveys,
  // commitments
  commitments,
  reciprocity,
  commitmentReviews,
  charters,
  curricula,
  courseSessions,
  trainees,
  enrolments,
  periods,
  metricDefinitions,
  metricGoals,
  scorecardTemplates,
  users,
  invitations,
  roleAssignments,
  apiKeys,
  auditEvents,
  outbox,
  backgroundJobs,
];
