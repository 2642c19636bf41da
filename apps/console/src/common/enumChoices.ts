import {
  COMMITMENT_KIND_NAMES,
  COMMITMENT_REVIEW_OUTCOMES,
  COMMITMENT_SIDES,
  COMMITMENT_STATES,
  IMPORT_STATUSES,
  METRIC_CATEGORIES,
  METRIC_DIRECTIONS,
  METRIC_FREQUENCIES,
  METRIC_REPORTERS,
  METRIC_VALUE_SOURCES,
  METRIC_VALUE_STATUSES,
  PERIOD_KINDS,
  PERIOD_STATES,
  PLAN_STATUSES,
  SOURCING_MODES,
  STANDINGS,
  TASK_STATUSES,
} from '@tandem/contracts';
import { humanize, type Choice } from './choices';

const toChoices = (values: readonly string[]): Choice[] => values.map((id) => ({ id, name: humanize(id) }));

export const metricDirectionChoices: Choice[] = METRIC_DIRECTIONS.map((id) => ({ id, name: id === 'higher' ? 'Higher is better' : 'Lower is better' }));
export const metricDirectionShortChoices: Choice[] = METRIC_DIRECTIONS.map((id) => ({ id, name: id === 'higher' ? '↑ Higher' : '↓ Lower' }));
export const metricFrequencyChoices = toChoices(METRIC_FREQUENCIES);
export const metricReporterChoices = toChoices(METRIC_REPORTERS);
export const metricCategoryChoices = toChoices(METRIC_CATEGORIES);
export const periodKindChoices = toChoices(PERIOD_KINDS);
export const periodStateChoices = toChoices(PERIOD_STATES);
export const metricValueStatusChoices = toChoices(METRIC_VALUE_STATUSES);
export const metricValueSourceChoices: Choice[] = METRIC_VALUE_SOURCES.map((id) => ({ id, name: id === 'csv' ? 'CSV import' : id === 'api' ? 'API push' : id === 'derived' ? 'Derived from training records' : 'Form' }));
export const metricValueSourceShortChoices: Choice[] = METRIC_VALUE_SOURCES.map((id) => ({ id, name: id === 'form' ? 'Form' : id === 'derived' ? 'Derived' : id.toUpperCase() }));
export const importStatusChoices = toChoices(IMPORT_STATUSES);
export const sourcingModeChoices = toChoices(SOURCING_MODES);
export const standingChoices = toChoices(STANDINGS);
export const planStatusChoices = toChoices(PLAN_STATUSES);
export const taskStatusChoices: Choice[] = TASK_STATUSES.map((id) => ({ id, name: id === 'todo' ? 'To do' : id === 'doing' ? 'In progress' : 'Done' }));

/** Boolean filters travel as "true"/"false" in a SelectInput and as booleans to the API. */
export const yesNoFilter = {
  parse: (value: string) => (value === '' ? undefined : value === 'true'),
  format: (value: boolean | undefined) => (value === undefined ? '' : String(value)),
};

// commitments
export const commitmentKindChoices = toChoices(COMMITMENT_KIND_NAMES);
export const commitmentSideChoices = toChoices(COMMITMENT_SIDES);
export const commitmentStateChoices = toChoices(COMMITMENT_STATES);
export const commitmentReviewOutcomeChoices = toChoices(COMMITMENT_REVIEW_OUTCOMES);
