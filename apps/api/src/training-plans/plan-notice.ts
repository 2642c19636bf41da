/**
 * The e-mails of co-governance: to the side whose approval a plan now awaits, and to the
 * other side when a plan is returned. They carry only what both sides read anyway: the
 * firm's name, the plan's year and, for a return, the comment.
 */
export interface PlanNoticeInput {
  planId: string;
  firmName: string;
  year: number;
  /** who acted, as the history shows it ("the firm admin", "the union representative") */
  by: string;
}

export function awaitingNotice(p: PlanNoticeInput, consoleUrl: string): { subject: string; text: string } {
  const lines = [
    'Hello,',
    '',
    `the training plan of ${p.firmName} for ${p.year} awaits your approval (${p.by} acted last).`,
    '',
    `Read it, then approve it or return it with a comment: ${consoleUrl}/#/training-plans/${p.planId}/show`,
    '',
  ];
  return { subject: `Training plan ${p.year} of ${p.firmName} awaits your approval`, text: lines.join('\n') };
}

export function returnedNotice(p: PlanNoticeInput & { comment: string }, consoleUrl: string): { subject: string; text: string } {
  const lines = [
    'Hello,',
    '',
    `${p.by} returned the training plan of ${p.firmName} for ${p.year}, with this comment:`,
    '',
    `  ${p.comment}`,
    '',
    `The plan: ${consoleUrl}/#/training-plans/${p.planId}/show`,
    '',
  ];
  return { subject: `Training plan ${p.year} of ${p.firmName} returned`, text: lines.join('\n') };
}
