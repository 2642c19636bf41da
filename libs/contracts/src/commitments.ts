/** Charters, commitments, their reviews and the reciprocity view (domain.md Commitments). */

export const CHARTER_STATES = ['draft', 'published', 'superseded'] as const;
export type CharterState = (typeof CHARTER_STATES)[number];

export const COMMITMENT_KIND_NAMES = [
  'training_hours_per_frontline_worker',
  'training_spend_pct_of_payroll',
  'metrics_submitted_on_time',
  'curricula_shared',
  'modernisation_investment',
  'jobs_created',
  'sponsored_suppliers_multi_year',
  'payment_within_days',
] as const;
export type CommitmentKind = (typeof COMMITMENT_KIND_NAMES)[number];

/** Kinds the firm attests and staff verify; every other kind is computed from data Tandem holds. */
export const ATTESTED_COMMITMENT_KINDS: readonly CommitmentKind[] = ['modernisation_investment', 'jobs_created', 'payment_within_days'];

export const COMMITMENT_SIDES = ['supplier', 'customer', 'any_member'] as const;
export type CommitmentSide = (typeof COMMITMENT_SIDES)[number];

export const COMMITMENT_STATES = ['on_track', 'at_risk', 'met', 'missed', 'waived'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

export const COMMITMENT_REVIEW_OUTCOMES = ['excused', 'warning', 'suspension_proposed'] as const;
export type CommitmentReviewOutcome = (typeof COMMITMENT_REVIEW_OUTCOMES)[number];

export interface CommitmentTemplate {
  id: string;
  kind: CommitmentKind;
  side: CommitmentSide;
  target: number;
  description: string;
}

export interface Charter {
  id: string;
  consortiumId: string;
  version: number;
  title: string;
  summary: string | null;
  state: CharterState;
  publishedAt: string | null;
  templates: CommitmentTemplate[];
  /** how many members signed this version */
  signatureCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface CharterSignature {
  id: string;
  charterId: string;
  charterVersion: number;
  organisationId: string;
  organisationName: string;
  signedAt: string;
  signerName: string;
}

export interface CommitmentTransition {
  id: string;
  fromState: CommitmentState | null;
  toState: CommitmentState;
  at: string;
  notifiedAt: string | null;
}

export interface Commitment {
  id: string;
  consortiumId: string;
  organisationId: string;
  organisationName: string;
  templateId: string;
  kind: CommitmentKind;
  attested: boolean;
  year: number;
  startsOn: string;
  endsOn: string;
  target: number;
  state: CommitmentState;
  actual: number | null;
  expected: number | null;
  evaluatedAt: string | null;
  stateChangedAt: string;
  waivedReason: string | null;
  waivedAt: string | null;
  attestedValue: number | null;
  attestationNote: string | null;
  attestedAt: string | null;
  verifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
  transitions?: CommitmentTransition[];
}

export interface CommitmentReview {
  id: string;
  consortiumId: string;
  commitmentId: string;
  organisationId: string;
  organisationName: string;
  kind: CommitmentKind;
  year: number;
  outcome: CommitmentReviewOutcome | null;
  note: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One side's commitments in the reciprocity view: what it promised and how it stands. */
export interface ReciprocityCommitment {
  id: string;
  kind: CommitmentKind;
  year: number;
  state: CommitmentState;
  target: number;
  actual: number | null;
}

export interface ReciprocityRow {
  relationshipId: string;
  supplierId: string;
  supplierName: string;
  customerId: string;
  customerName: string;
  sourcingMode: string;
  sponsored: boolean;
  supplierCommitments: ReciprocityCommitment[];
  customerCommitments: ReciprocityCommitment[];
}

/** Consortium-wide keep rate of one side: commitments met or on track among those not waived. */
export interface KeepRate {
  side: 'supplier' | 'customer';
  /** members of that side with commitments in the year */
  members: number;
  commitments: number;
  /** null: suppressed (fewer members than the disclosure threshold, for readers other than staff) or nothing to judge */
  keepRate: number | null;
  suppressed: boolean;
}

export interface Reciprocity {
  year: number;
  rows: ReciprocityRow[];
  keepRates: KeepRate[];
}

export interface CommitmentGeneration {
  charterId: string;
  year: number;
  created: number;
  existing: number;
}
