import type { CommitmentKindName } from './fulfilment';

/** A commitment's kind as a sentence says it (notices, e-mails). */
export const COMMITMENT_KIND_LABEL: Readonly<Record<CommitmentKindName, string>> = {
  training_hours_per_frontline_worker: 'training hours per frontline worker',
  training_spend_pct_of_payroll: 'training spend as % of payroll',
  metrics_submitted_on_time: 'metrics submitted on time (%)',
  curricula_shared: 'curricula shared',
  modernisation_investment: 'investment in modernisation',
  jobs_created: 'jobs created',
  sponsored_suppliers_multi_year: 'sponsored suppliers on multi-year or better sourcing (%)',
  payment_within_days: 'days to pay member suppliers',
};

export type ReviewOutcomeName = 'excused' | 'warning' | 'suspension_proposed';

export interface ReviewNoticeInput {
  reviewId: string;
  kind: CommitmentKindName;
  year: number;
  outcome: ReviewOutcomeName;
  note: string;
  /** the membership was suspended by this outcome (it was active) */
  membershipSuspended: boolean;
}

const OUTCOME_SENTENCE: Record<ReviewOutcomeName, string> = {
  excused: 'Consortium staff excused the miss.',
  warning: 'Consortium staff recorded a warning.',
  suspension_proposed: 'Consortium staff proposed suspending your membership.',
};

/**
 * What a firm's admins are told when staff decide the review of its missed commitment: the
 * outcome, the staff's note (the firm reads the same note on the review) and, when the outcome
 * suspended the membership, that it did and how to be reinstated.
 */
export function reviewDecidedNotice(p: ReviewNoticeInput, consoleUrl: string): { subject: string; text: string } {
  const kind = COMMITMENT_KIND_LABEL[p.kind];
  const lines = [
    'Hello,',
    '',
    `the review of your missed commitment on ${kind} for ${p.year} is decided. ${OUTCOME_SENTENCE[p.outcome]}`,
    '',
    'Their note:',
    '',
    `  ${p.note}`,
    '',
  ];
  if (p.membershipSuspended) {
    lines.push('Your membership is suspended from today. Consortium staff can reinstate it; write to them to agree the steps.', '');
  }
  lines.push(`The review: ${consoleUrl}/#/commitment-reviews/${p.reviewId}/show`, '');
  const subject =
    p.outcome === 'excused' ? `Commitment review: ${kind} (${p.year}) excused` : p.outcome === 'warning' ? `Commitment review: warning on ${kind} (${p.year})` : `Commitment review: membership suspension over ${kind} (${p.year})`;
  return { subject, text: lines.join('\n') };
}
