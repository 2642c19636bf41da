import type { Role, TrainingPlanAction, TrainingPlanSide, TrainingPlanStatus } from '@tandem/contracts';

/**
 * Co-governance of a firm's annual training plan (domain.md, Training):
 *
 *   draft ──submit──▶ submitted ──approve (every side needed)──▶ approved
 *     ▲                  │
 *     └─ edit ◀─ returned ◀─return (with a comment)
 *
 * - Editing only in draft or returned (a returned plan stays returned until submitted again).
 *   The firm's admin and contributors edit; only the firm admin submits.
 * - A co-governed plan (the firm was unionised when it was submitted) needs the firm admin's
 *   AND the union representative's approval, in any order; either side may return it with a
 *   comment while it is submitted, which clears both approvals. A plan of a non-unionised firm
 *   is approved by the firm admin alone; a union representative has no say in it.
 * - A side approves once per submission: approving again (or approving an approved plan) is refused.
 * - Staff (and the platform admin) read every plan of their consortium and decide nothing: they
 *   may not approve or return on either side's behalf, nor edit a firm's plan. The partnership
 *   gave workers a real say; a third party signing for them would hollow it out.
 *
 * Which firm a principal may touch is decided by tenant scoping (scope.ts); this function only
 * decides role × state × action.
 */
export interface PlanState {
  status: TrainingPlanStatus;
  coGoverned: boolean;
  firmApproved: boolean;
  unionApproved: boolean;
}

export type PlanRefusal =
  /** the role never takes this action (403) */
  | 'role'
  /** not in this state (409) */
  | 'state'
  /** this side approved this submission already (409) */
  | 'already_approved'
  /** a union representative acting on a plan that is not co-governed (403) */
  | 'not_co_governed';

export type PlanDecision = { ok: true; next: PlanState } | { ok: false; refusal: PlanRefusal; message: string };

/** The side a role speaks for in a plan, if any. */
export function planSideOf(role: Role): TrainingPlanSide | null {
  if (role === 'firm_admin') return 'firm';
  if (role === 'union_representative') return 'union';
  return null;
}

/** Which roles take which action at all. */
const ROLES_FOR: Record<TrainingPlanAction, readonly Role[]> = {
  edit: ['firm_admin', 'firm_contributor'],
  submit: ['firm_admin'],
  approve: ['firm_admin', 'union_representative'],
  return: ['firm_admin', 'union_representative'],
};

const EDITABLE: readonly TrainingPlanStatus[] = ['draft', 'returned'];

/** Sides whose approval a submitted plan still waits for. */
export function awaitingSides(s: PlanState): TrainingPlanSide[] {
  if (s.status !== 'submitted') return [];
  const out: TrainingPlanSide[] = [];
  if (!s.firmApproved) out.push('firm');
  if (s.coGoverned && !s.unionApproved) out.push('union');
  return out;
}

const refuse = (refusal: PlanRefusal, message: string): PlanDecision => ({ ok: false, refusal, message });

/**
 * Decide one action. `coGovernedAtSubmit` is whether the firm is unionised now: it is read only
 * by `submit`, which fixes the plan's co-governance for that submission.
 */
export function decidePlanAction(role: Role, action: TrainingPlanAction, s: PlanState, coGovernedAtSubmit = s.coGoverned): PlanDecision {
  if (!ROLES_FOR[action].includes(role)) {
    const who = role === 'consortium_staff' || role === 'platform_admin' ? 'Staff read training plans and decide nothing on either side' : `A ${role.replace(/_/g, ' ')} cannot ${action} a training plan`;
    return refuse('role', who);
  }
  switch (action) {
    case 'edit':
      if (!EDITABLE.includes(s.status)) return refuse('state', `A ${s.status} plan cannot be edited; only draft or returned plans can`);
      return { ok: true, next: s };
    case 'submit':
      if (!EDITABLE.includes(s.status)) return refuse('state', `A ${s.status} plan cannot be submitted; only draft or returned plans can`);
      return { ok: true, next: { status: 'submitted', coGoverned: coGovernedAtSubmit, firmApproved: false, unionApproved: false } };
    case 'approve': {
      const side = planSideOf(role) as TrainingPlanSide;
      if (side === 'union' && !s.coGoverned && (s.status === 'submitted' || s.status === 'approved')) return refuse('not_co_governed', 'This plan is not co-governed: the firm admin approves it alone');
      if (s.status === 'approved') return refuse('already_approved', 'The plan is approved already');
      if (s.status !== 'submitted') return refuse('state', `A ${s.status} plan cannot be approved; it must be submitted first`);
      if ((side === 'firm' && s.firmApproved) || (side === 'union' && s.unionApproved)) return refuse('already_approved', `The ${side} approved this submission already`);
      const approved = { ...s, firmApproved: s.firmApproved || side === 'firm', unionApproved: s.unionApproved || side === 'union' };
      const done = approved.firmApproved && (!s.coGoverned || approved.unionApproved);
      return { ok: true, next: { ...approved, status: done ? 'approved' : 'submitted' } };
    }
    case 'return': {
      const side = planSideOf(role) as TrainingPlanSide;
      if (side === 'union' && !s.coGoverned && (s.status === 'submitted' || s.status === 'approved')) return refuse('not_co_governed', 'This plan is not co-governed: the union does not return it');
      if (s.status !== 'submitted') return refuse('state', `A ${s.status} plan cannot be returned; only a submitted plan can`);
      return { ok: true, next: { ...s, status: 'returned', firmApproved: false, unionApproved: false } };
    }
  }
}

/** Every action `role` may take on the plan now (the console shows these buttons only). */
export function allowedPlanActions(role: Role, s: PlanState, coGovernedAtSubmit = s.coGoverned): TrainingPlanAction[] {
  return (['edit', 'submit', 'approve', 'return'] as const).filter((a) => decidePlanAction(role, a, s, coGovernedAtSubmit).ok);
}

/**
 * Commitment targets an approved plan sets: training hours per frontline worker (plan hours ÷
 * frontline workers) and training spend as % of the year's payroll (plan budget ÷ payroll × 100),
 * each rounded to the commitment's two decimals; null where it cannot be computed (no frontline
 * workers in the plan; no payroll recorded for the year).
 */
export function planTargets(plan: { hours: number; budget: number; frontlineWorkers: number }, payroll: number | null): { hoursPerFrontlineWorker: number | null; spendPctOfPayroll: number | null } {
  const round2 = (x: number): number => Math.round(x * 100) / 100;
  return {
    hoursPerFrontlineWorker: plan.frontlineWorkers > 0 ? round2(plan.hours / plan.frontlineWorkers) : null,
    spendPctOfPayroll: payroll !== null && payroll > 0 ? round2((plan.budget / payroll) * 100) : null,
  };
}
