import type { MembershipStatus } from '@tandem/contracts';

/**
 * Membership lifecycle `applicant → active → suspended → exited` (domain.md).
 * A suspended member may be reinstated; exit is final. Every transition needs a reason.
 */
const ALLOWED: Record<MembershipStatus, readonly MembershipStatus[]> = {
  applicant: ['active', 'exited'],
  active: ['suspended', 'exited'],
  suspended: ['active', 'exited'],
  exited: [],
};

export function allowedTransitions(from: MembershipStatus): readonly MembershipStatus[] {
  return ALLOWED[from];
}

export function canTransition(from: MembershipStatus, to: MembershipStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** Dates that change with a transition: joining on first activation, exiting on exit. */
export function transitionDates(
  from: MembershipStatus,
  to: MembershipStatus,
  effectiveDate: Date,
  current: { joinedAt: Date | null },
): { joinedAt?: Date; exitedAt?: Date } {
  if (to === 'active' && from === 'applicant' && current.joinedAt === null) return { joinedAt: effectiveDate };
  if (to === 'exited') return { exitedAt: effectiveDate };
  return {};
}
