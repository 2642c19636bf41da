import { TRAINING_PLAN_STATUSES, type TrainingPlan } from '@tandem/contracts';
import { humanize, type Choice } from '../../common/choices';

export const trainingPlanStatusChoices: Choice[] = TRAINING_PLAN_STATUSES.map((id) => ({ id, name: humanize(id) }));
export const awaitingChoices: Choice[] = [
  { id: 'firm', name: 'the firm admin' },
  { id: 'union', name: 'the union' },
];

/** "awaits the union", "awaits the firm admin and the union", or nothing. */
export function awaitingText(plan: Pick<TrainingPlan, 'awaiting'>): string {
  const who = plan.awaiting.map((s) => (s === 'firm' ? 'the firm admin' : 'the union'));
  return who.length ? `awaits ${who.join(' and ')}` : '';
}

/** Hours per frontline worker the plan gives (what an approved plan sets as the commitment target). */
export function hoursPerWorker(plan: Pick<TrainingPlan, 'hours' | 'frontlineWorkers'>): string {
  return plan.frontlineWorkers > 0 ? (Math.round((plan.hours / plan.frontlineWorkers) * 100) / 100).toLocaleString() : '—';
}
