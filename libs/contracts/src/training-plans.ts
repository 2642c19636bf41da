import type { Role } from './roles';

/** Training plans with co-governance . Values equal the database enum `TrainingPlanStatus`. */
export const TRAINING_PLAN_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type TrainingPlanStatus = (typeof TRAINING_PLAN_STATUSES)[number];

/** What someone may do to a plan (libs/domain/src/training-plans decides who may, when). */
export const TRAINING_PLAN_ACTIONS = ['edit', 'submit', 'approve', 'return'] as const;
export type TrainingPlanAction = (typeof TRAINING_PLAN_ACTIONS)[number];

/** The two sides of a co-governed plan. */
export type TrainingPlanSide = 'firm' | 'union';

export interface TrainingPlanEvent {
  id: string;
  planId: string;
  /** created, edited, submitted, approved, returned */
  action: string;
  fromStatus: TrainingPlanStatus | null;
  toStatus: TrainingPlanStatus;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: Role;
  comment: string | null;
  at: string;
}

export interface TrainingPlan {
  id: string;
  consortiumId: string;
  organisationId: string;
  organisationName: string;
  year: number;
  status: TrainingPlanStatus;
  skillAreas: string[];
  frontlineWorkers: number;
  hours: number;
  budget: number;
  providers: string[];
  /** the firm was unionised when the plan was submitted: the firm admin and the union representative both approve */
  coGoverned: boolean;
  firmApprovedAt: string | null;
  unionApprovedAt: string | null;
  approvedAt: string | null;
  /** the sides whose approval a submitted plan still waits for */
  awaiting: TrainingPlanSide[];
  /** what the reader may do to the plan now */
  actions: TrainingPlanAction[];
  createdAt: string;
  updatedAt: string;
}

/** A union organisation represents a member firm in one consortium (its representatives co-approve the firm's training plans). */
export interface UnionRepresentation {
  id: string;
  consortiumId: string;
  unionOrganisationId: string;
  unionName: string;
  firmOrganisationId: string;
  firmName: string;
  createdAt: string;
}
