import { DomainError } from '../errors/domain-error';
import type { ScopedTx } from './scoped-client';

/** Tables whose rows a change locks for its transaction, with their scoped delegate and the name a 404 uses. */
const LOCKABLE = {
  Period: { delegate: 'period', label: 'Period' },
  Membership: { delegate: 'membership', label: 'Membership' },
  SupplyRelationship: { delegate: 'supplyRelationship', label: 'Supply relationship' },
  ScorecardTemplate: { delegate: 'scorecardTemplate', label: 'Scorecard template' },
  CorrectiveActionPlan: { delegate: 'correctiveActionPlan', label: 'Corrective action plan' },
  TrainingPlan: { delegate: 'trainingPlan', label: 'Training plan' },
  Charter: { delegate: 'charter', label: 'Charter' },
  Commitment: { delegate: 'commitment', label: 'Commitment' },
  CommitmentReview: { delegate: 'commitmentReview', label: 'Commitment review' },
  CourseSession: { delegate: 'courseSession', label: 'Course session' },
  Enrolment: { delegate: 'enrolment', label: 'Enrolment' },
  Trainee: { delegate: 'trainee', label: 'Trainee' },
} as const satisfies Record<string, { delegate: keyof ScopedTx; label: string }>;

export type LockableTable = keyof typeof LOCKABLE;

interface VisibleCheck {
  findFirst(args: { where: { id: string }; select: { id: true } }): Promise<{ id: string } | null>;
}

/**
 * Serialise changes to one row: first the scoped read (a row the principal cannot see is a
 * 404 and is never locked), then `SELECT … FOR UPDATE` until the transaction ends. The
 * caller re-reads the row after this, so it decides on the state no one else can change
 * under it.
 */
export async function lockVisible(tx: ScopedTx, table: LockableTable, id: string): Promise<void> {
  const { delegate, label } = LOCKABLE[table];
  const visible = await (tx[delegate] as unknown as VisibleCheck).findFirst({ where: { id }, select: { id: true } });
  if (!visible) throw DomainError.notFound(label);
  // `table` is one of LOCKABLE's keys, never a caller's text.
  await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE id = $1::uuid FOR UPDATE`, id);
}
