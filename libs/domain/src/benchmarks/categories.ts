import type { MetricCategory } from '@tandem/contracts';

/**
 * The sharing category of each metric of the standard catalogue (metrics.md). The migration
 * that added MetricDefinition.category backfilled existing rows from the same table.
 */
const CATEGORY_OF_CODE: Readonly<Record<string, MetricCategory>> = {
  OTD: 'delivery',
  LEAD_TIME: 'delivery',
  PPM: 'quality',
  SCRAP: 'quality',
  COST_INDEX: 'cost',
  VA_EMP: 'productivity',
  INV_TURNS: 'productivity',
  OEE: 'productivity',
  CYCLE_TIME: 'productivity',
  SETUP_TIME: 'productivity',
  TRIR: 'safety',
  TRAIN_HRS: 'workforce',
  TRAIN_SPEND: 'workforce',
};

/** A consortium's own metric has none until staff give it one, and a metric without a category is shared with no customer. */
export function categoryOfMetric(code: string): MetricCategory | null {
  return CATEGORY_OF_CODE[code] ?? null;
}
