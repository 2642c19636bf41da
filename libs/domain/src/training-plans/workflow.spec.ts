import { ROLES, type Role, type TrainingPlanAction } from '@tandem/contracts';
import { allowedPlanActions, awaitingSides, decidePlanAction, planTargets, type PlanState } from './workflow';

/** The states a plan can be in, with what the approvals are at that point. */
const STATES: Record<string, PlanState> = {
  draft: { status: 'draft', coGoverned: false, firmApproved: false, unionApproved: false },
  'submitted co-governed, nobody approved': { status: 'submitted', coGoverned: true, firmApproved: false, unionApproved: false },
  'submitted co-governed, firm approved': { status: 'submitted', coGoverned: true, firmApproved: true, unionApproved: false },
  'submitted co-governed, union approved': { status: 'submitted', coGoverned: true, firmApproved: false, unionApproved: true },
  'submitted firm only': { status: 'submitted', coGoverned: false, firmApproved: false, unionApproved: false },
  'returned co-governed': { status: 'returned', coGoverned: true, firmApproved: false, unionApproved: false },
  'approved co-governed': { status: 'approved', coGoverned: true, firmApproved: true, unionApproved: true },
  'approved firm only': { status: 'approved', coGoverned: false, firmApproved: true, unionApproved: false },
};
type StateName = keyof typeof STATES;

/**
 * Expected outcome per state × action × party: the status after the action (and which sides
 * have approved, for approvals), or the refusal. Written out by hand, not derived from the code.
 */
type Outcome = string;
type PartyOutcomes = { firm_admin: Outcome; firm_contributor: Outcome; union_representative: Outcome };
const TABLE: Record<StateName, Record<TrainingPlanAction, PartyOutcomes>> = {
  draft: {
    edit: { firm_admin: 'draft', firm_contributor: 'draft', union_representative: 'role' },
    submit: { firm_admin: 'submitted', firm_contributor: 'role', union_representative: 'role' },
    approve: { firm_admin: 'state', firm_contributor: 'role', union_representative: 'state' },
    return: { firm_admin: 'state', firm_contributor: 'role', union_representative: 'state' },
  },
  'submitted co-governed, nobody approved': {
    edit: { firm_admin: 'state', firm_contributor: 'state', union_representative: 'role' },
    submit: { firm_admin: 'state', firm_contributor: 'role', union_representative: 'role' },
    approve: { firm_admin: 'submitted firm', firm_contributor: 'role', union_representative: 'submitted union' },
    return: { firm_admin: 'returned', firm_contributor: 'role', union_representative: 'returned' },
  },
  'submitted co-governed, firm approved': {
    edit: { firm_admin: 'state', firm_contributor: 'state', union_representative: 'role' },
    submit: { firm_admin: 'state', firm_contributor: 'role', union_representative: 'role' },
    approve: { firm_admin: 'already_approved', firm_contributor: 'role', union_representative: 'approved firm+union' },
    return: { firm_admin: 'returned', firm_contributor: 'role', union_representative: 'returned' },
  },
  'submitted co-governed, union approved': {
    edit: { firm_admin: 'state', firm_contributor: 'state', union_representative: 'role' },
    submit: { firm_admin: 'state', firm_contributor: 'role', union_representative: 'role' },
    approve: { firm_admin: 'approved firm+union', firm_contributor: 'role', union_representative: 'already_approved' },
    return: { firm_admin: 'returned', firm_contributor: 'role', union_representative: 'returned' },
  },
  'submitted firm only': {
    edit: { firm_admin: 'state', firm_contributor: 'state', union_representative: 'role' },
    submit: { firm_admin: 'state', firm_contributor: 'role', union_representative: 'role' },
    approve: { firm_admin: 'approved firm', firm_contributor: 'role', union_representative: 'not_co_governed' },
    return: { firm_admin: 'returned', firm_contributor: 'role', union_representative: 'not_co_governed' },
  },
  'returned co-governed': {
    edit: { firm_admin: 'returned', firm_contributor: 'returned', union_representative: 'role' },
    submit: { firm_admin: 'submitted', firm_contributor: 'role', union_representative: 'role' },
    approve: { firm_admin: 'state', firm_contributor: 'role', union_representative: 'state' },
    return: { firm_admin: 'state', firm_contributor: 'role', union_representative: 'state' },
  },
  'approved co-governed': {
    edit: { firm_admin: 'state', firm_contributor: 'state', union_representative: 'role' },
    submit: { firm_admin: 'state', firm_contributor: 'role', union_representative: 'role' },
    approve: { firm_admin: 'already_approved', firm_contributor: 'role', union_representative: 'already_approved' },
    return: { firm_admin: 'state', firm_contributor: 'role', union_representative: 'state' },
  },
  'approved firm only': {
    edit: { firm_admin: 'state', firm_contributor: 'state', union_representative: 'role' },
    submit: { firm_admin: 'state', firm_contributor: 'role', union_representative: 'role' },
    approve: { firm_admin: 'already_approved', firm_contributor: 'role', union_representative: 'not_co_governed' },
    return: { firm_admin: 'state', firm_contributor: 'role', union_representative: 'not_co_governed' },
  },
};

/** Roles that take no action on any plan in any state: staff read and decide nothing on either side. */
const BYSTANDERS: Role[] = ['platform_admin', 'consortium_staff', 'customer_buyer', 'trainer', 'funder'];

function outcome(role: Role, action: TrainingPlanAction, s: PlanState, unionisedNow = true): Outcome {
  const d = decidePlanAction(role, action, s, unionisedNow);
  if (!d.ok) return d.refusal;
  if (action !== 'approve') return d.next.status;
  const sides = [d.next.firmApproved ? 'firm' : '', d.next.unionApproved ? 'union' : ''].filter(Boolean).join('+');
  return `${d.next.status} ${sides}`;
}

describe('training plan state machine: every role × state × action', () => {
  it('covers every role of the platform', () => {
    expect([...BYSTANDERS, 'firm_admin', 'firm_contributor', 'union_representative'].sort()).toEqual([...ROLES].sort());
  });

  const cases = Object.entries(TABLE).flatMap(([state, byAction]) =>
    Object.entries(byAction).flatMap(([action, byRole]) => [
      ...Object.entries(byRole).map(([role, expected]) => [state, action, role, expected] as const),
      ...BYSTANDERS.map((role) => [state, action, role, 'role'] as const),
    ]),
  );
  it('has a row for all 8 roles × 8 states × 4 actions', () => expect(cases).toHaveLength(8 * 8 * 4));

  it.each(cases)('%s: %s by %s → %s', (state, action, role, expected) => {
    expect(outcome(role as Role, action as TrainingPlanAction, STATES[state] as PlanState)).toBe(expected);
  });
});

describe('training plan co-governance', () => {
  it('fixes co-governance at submission from whether the firm is unionised then', () => {
    const draft = STATES['draft'] as PlanState;
    const unionised = decidePlanAction('firm_admin', 'submit', draft, true);
    const notUnionised = decidePlanAction('firm_admin', 'submit', draft, false);
    expect(unionised.ok && unionised.next.coGoverned).toBe(true);
    expect(notUnionised.ok && notUnionised.next.coGoverned).toBe(false);
  });

  it('resubmitting a returned plan asks both sides again (approvals cleared by the return)', () => {
    let s = STATES['submitted co-governed, firm approved'] as PlanState;
    const returned = decidePlanAction('union_representative', 'return', s);
    if (!returned.ok) throw new Error(returned.message);
    expect(returned.next).toEqual({ status: 'returned', coGoverned: true, firmApproved: false, unionApproved: false });
    const resubmitted = decidePlanAction('firm_admin', 'submit', returned.next, true);
    if (!resubmitted.ok) throw new Error(resubmitted.message);
    s = resubmitted.next;
    expect(awaitingSides(s)).toEqual(['firm', 'union']);
  });

  it('approval in either order ends approved; the plan waits for the other side in between', () => {
    const start = STATES['submitted co-governed, nobody approved'] as PlanState;
    for (const [first, second] of [
      ['firm_admin', 'union_representative'],
      ['union_representative', 'firm_admin'],
    ] as const) {
      const a = decidePlanAction(first, 'approve', start);
      if (!a.ok) throw new Error(a.message);
      expect(a.next.status).toBe('submitted');
      expect(awaitingSides(a.next)).toEqual([first === 'firm_admin' ? 'union' : 'firm']);
      const b = decidePlanAction(second, 'approve', a.next);
      if (!b.ok) throw new Error(b.message);
      expect(b.next.status).toBe('approved');
      expect(awaitingSides(b.next)).toEqual([]);
    }
  });

  it('lists the actions each side may take now (what the console offers)', () => {
    const s = STATES['submitted co-governed, firm approved'] as PlanState;
    expect(allowedPlanActions('firm_admin', s)).toEqual(['return']);
    expect(allowedPlanActions('union_representative', s)).toEqual(['approve', 'return']);
    expect(allowedPlanActions('consortium_staff', s)).toEqual([]);
    expect(allowedPlanActions('firm_contributor', STATES['draft'] as PlanState)).toEqual(['edit']);
    expect(allowedPlanActions('firm_admin', STATES['draft'] as PlanState)).toEqual(['edit', 'submit']);
  });
});

describe('targets an approved plan sets', () => {
  it('hours per frontline worker and spend as % of payroll, to two decimals', () => {
    expect(planTargets({ hours: 2000, budget: 45_000, frontlineWorkers: 75 }, 3_000_000)).toEqual({ hoursPerFrontlineWorker: 26.67, spendPctOfPayroll: 1.5 });
  });
  it('nothing where it cannot be computed', () => {
    expect(planTargets({ hours: 100, budget: 10, frontlineWorkers: 0 }, null)).toEqual({ hoursPerFrontlineWorker: null, spendPctOfPayroll: null });
    expect(planTargets({ hours: 100, budget: 10, frontlineWorkers: 4 }, 0)).toEqual({ hoursPerFrontlineWorker: 25, spendPctOfPayroll: null });
  });
});
