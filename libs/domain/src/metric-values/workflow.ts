import type { MetricValueStatus } from '@tandem/contracts';

/**
 * Workflow of a reported value: draft → submitted → validated | rejected. A rejected value
 * is fixed and submitted again; staff may also reject a value they validated earlier.
 */
export type ValueAction = 'submit' | 'validate' | 'reject';

const FROM: Record<ValueAction, readonly MetricValueStatus[]> = {
  submit: ['draft', 'rejected'],
  validate: ['submitted'],
  reject: ['submitted', 'validated'],
};

const TO: Record<ValueAction, MetricValueStatus> = { submit: 'submitted', validate: 'validated', reject: 'rejected' };

export function canApplyValueAction(status: MetricValueStatus, action: ValueAction): boolean {
  return FROM[action].includes(status);
}

export function statusAfterAction(action: ValueAction): MetricValueStatus {
  return TO[action];
}

export function statusesAllowing(action: ValueAction): readonly MetricValueStatus[] {
  return FROM[action];
}

/**
 * Status after the figures changed: a validated figure that changes needs validating again;
 * a rejected one goes back to draft for the firm to submit; `submit` submits at once.
 */
export function statusAfterEdit(status: MetricValueStatus, submit: boolean): MetricValueStatus {
  if (submit) return 'submitted';
  if (status === 'validated') return 'submitted';
  if (status === 'rejected') return 'draft';
  return status;
}
