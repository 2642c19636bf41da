import type { MetricDefinition } from '@tandem/contracts';
import { categoryOfMetric } from '../benchmarks/categories';

/**
 * One entry of the standard metric catalogue (metrics.md), as data: the columns of a metric
 * definition a consortium starts with. A ratio keeps its raw numerator and denominator, so
 * values can be recomputed, audited and pooled (Σnumerator ÷ Σdenominator); medians, means
 * and products (lead time, OEE) are not ratios.
 */
export type CatalogueMetric = Pick<
  MetricDefinition,
  'code' | 'name' | 'unit' | 'direction' | 'minValue' | 'maxValue' | 'frequency' | 'reporters' | 'isRatio' | 'ratioScale' | 'numeratorLabel' | 'denominatorLabel'
> & {
  /** metrics.md's definition, for documentation and the console's help text */
  definition: string;
};

/** Default factor of the outlier flag: a move by more than 3× from the previous period. */
export const DEFAULT_OUTLIER_FACTOR = 3;

/** The columns of a consortium's metric definition made from a catalogue entry: standard, enabled, default outlier factor, its sharing category. */
export function standardDefinitionFields(m: CatalogueMetric) {
  const { definition: _definition, ...fields } = m;
  return { ...fields, category: categoryOfMetric(m.code), outlierFactor: DEFAULT_OUTLIER_FACTOR, standard: true, enabled: true };
}

const ratio = (ratioScale: number, numeratorLabel: string, denominatorLabel: string) => ({ isRatio: true, ratioScale, numeratorLabel, denominatorLabel });
const plain = { isRatio: false, ratioScale: null, numeratorLabel: null, denominatorLabel: null };

/**
 * The standard catalogue every new consortium starts with (metrics.md). Staff may disable
 * entries or add their own; these rows are marked `standard`.
 */
export const STANDARD_CATALOGUE: readonly CatalogueMetric[] = [
  {
    code: 'OTD',
    name: 'On-time delivery',
    unit: '%',
    direction: 'higher',
    minValue: 0,
    maxValue: 100,
    frequency: 'monthly',
    reporters: ['supplier', 'customer'],
    ...ratio(100, 'order lines delivered on or before the promised date', 'order lines delivered'),
    definition: 'order lines delivered on or before the promised date ÷ order lines delivered × 100',
  },
  {
    code: 'PPM',
    name: 'Quality defects',
    unit: 'parts per million',
    direction: 'lower',
    minValue: 0,
    maxValue: null,
    frequency: 'monthly',
    reporters: ['supplier', 'customer'],
    ...ratio(1_000_000, 'units rejected by customers', 'units delivered'),
    definition: 'units rejected by customers ÷ units delivered × 1,000,000',
  },
  {
    code: 'LEAD_TIME',
    name: 'Manufacturing lead time',
    unit: 'days',
    direction: 'lower',
    minValue: 0,
    maxValue: 365,
    frequency: 'quarterly',
    reporters: ['supplier'],
    ...plain,
    definition: 'median days from order receipt to shipment',
  },
  {
    code: 'CYCLE_TIME',
    name: 'Manufacturing cycle time',
    unit: 'hours',
    direction: 'lower',
    minValue: 0,
    maxValue: 10_000,
    frequency: 'quarterly',
    reporters: ['supplier'],
    ...plain,
    definition: 'median hours from start of first operation to completion of the part or lot',
  },
  {
    code: 'SETUP_TIME',
    name: 'Changeover time',
    unit: 'minutes',
    direction: 'lower',
    minValue: 0,
    maxValue: 10_000,
    frequency: 'quarterly',
    reporters: ['supplier'],
    ...plain,
    definition: 'mean minutes from last good part of one job to first good part of the next on constraint equipment',
  },
  {
    code: 'SCRAP',
    name: 'Scrap and rework',
    unit: '% of sales',
    direction: 'lower',
    minValue: 0,
    maxValue: 100,
    frequency: 'quarterly',
    reporters: ['supplier'],
    ...ratio(100, 'cost of scrap and rework (USD)', 'sales (USD)'),
    definition: 'cost of scrap and rework ÷ sales × 100',
  },
  {
    code: 'INV_TURNS',
    name: 'Inventory turns',
    unit: 'turns / year',
    direction: 'higher',
    minValue: 0,
    maxValue: 500,
    frequency: 'quarterly',
    reporters: ['supplier'],
    ...ratio(1, 'annualised cost of goods sold (USD)', 'average inventory value (USD)'),
    definition: 'annualised cost of goods sold ÷ average inventory value',
  },
  {
    code: 'VA_EMP',
    name: 'Value added per employee',
    unit: 'USD / employee / year',
    direction: 'higher',
    minValue: 0,
    maxValue: null,
    frequency: 'quarterly',
    reporters: ['supplier'],
    ...ratio(1, 'annualised sales − purchased materials and services (USD)', 'employees'),
    definition: '(annualised sales − purchased materials and services) ÷ employees',
  },
  {
    code: 'COST_INDEX',
    name: 'Unit cost index',
    unit: 'index, baseline = 100',
    direction: 'lower',
    minValue: 0,
    maxValue: 1_000,
    frequency: 'quarterly',
    reporters: ['supplier'],
    ...ratio(100, 'cost of the reference basket this period (USD)', 'cost of the reference basket in the baseline period (USD)'),
    definition: "cost of a reference basket of parts relative to the firm's baseline period",
  },
  {
    code: 'OEE',
    name: 'Overall equipment effectiveness',
    unit: '%',
    direction: 'higher',
    minValue: 0,
    maxValue: 100,
    frequency: 'quarterly',
    reporters: ['supplier'],
    // availability × performance × quality: a product of three ratios, not one ratio
    ...plain,
    definition: 'availability × performance × quality on constraint equipment × 100',
  },
  {
    code: 'TRIR',
    name: 'Recordable incident rate',
    unit: 'per 200,000 hours',
    direction: 'lower',
    minValue: 0,
    maxValue: null,
    frequency: 'quarterly',
    reporters: ['supplier'],
    ...ratio(200_000, 'recordable injuries', 'hours worked'),
    definition: 'recordable injuries × 200,000 ÷ hours worked',
  },
  {
    code: 'TRAIN_HRS',
    name: 'Training hours per frontline worker',
    unit: 'hours / worker',
    direction: 'higher',
    minValue: 0,
    maxValue: null,
    frequency: 'quarterly',
    reporters: ['derived'],
    ...ratio(1, 'training hours of frontline workers', 'frontline headcount'),
    definition: 'training hours of frontline workers (enrolments + activities) ÷ frontline headcount',
  },
  {
    code: 'TRAIN_SPEND',
    name: 'Training spend',
    unit: '% of payroll',
    direction: 'higher',
    minValue: 0,
    maxValue: 100,
    frequency: 'quarterly',
    reporters: ['derived'],
    ...ratio(100, 'training spend (USD)', 'payroll (USD)'),
    definition: 'training spend ÷ payroll × 100',
  },
];

export function catalogueMetric(code: string): CatalogueMetric | undefined {
  return STANDARD_CATALOGUE.find((m) => m.code === code);
}
