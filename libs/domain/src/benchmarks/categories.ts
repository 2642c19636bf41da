import type { MetricCategory } from '@tandem/contracts';

/** The sharing category of each metric of the standard catalogue (metrics.md). */
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

/** A consortium's own metric has no category: it is shared only by a setting that names none (never by default). */
export function categoryOfMetric(code: string): MetricCategory | null {
  return CATEGORY_OF_CODE[code] ?? null;
}
