import type { Prisma } from '../generated/client';
import type { PerformanceRows } from './performance';
import { rngFor, uuidv7 } from './prng';

/**
 * Suppliers' voice: each supplier rates its customers most periods. Customers
 * differ (a customer that keeps suppliers on annual rebids is felt as a threat of rebid; one
 * whose forecasts jump gets low stability), and one customer hears from too few suppliers
 * each period for any aggregate (below the disclosure threshold), so the demo shows both. The
 * open period still collects: some answers are in, none is shown.
 */
const QUIET_CUSTOMER = 'kettle-moraine-marine';
/** how each customer is felt, 1–5 (forecast stability, payment on time, help received) */
const PROFILE: Record<string, [number, number, number]> = {
  'northstar-engines': [4, 4, 4],
  'prairie-harvest': [3, 4, 3],
  'lakeview-power': [2, 3, 3],
  'menomonee-controls': [3, 2, 2],
  'pike-creek-compressor': [4, 3, 4],
  'south-shore-mining': [2, 4, 2],
  'kettle-moraine-marine': [3, 3, 3],
};

const clamp = (x: number): number => Math.min(5, Math.max(1, Math.round(x)));

export function buildCustomerFeedback(performance: Pick<PerformanceRows, 'periods' | 'relationships'>, codeOf: ReadonlyMap<string, string>): Prisma.CustomerFeedbackCreateManyInput[] {
  const rng = rngFor('customer-feedback');
  const rows: Prisma.CustomerFeedbackCreateManyInput[] = [];
  const periods = [...performance.periods].sort((a, b) => new Date(a.startsOn).getTime() - new Date(b.startsOn).getTime());
  for (const period of periods) {
    const collecting = period.state === 'open' && (period.reopenCount ?? 0) === 0;
    const quietAnswered = new Set<string>();
    const answeredAt = new Date(new Date(period.startsOn).getTime() + 40 * 86_400_000);
    for (const r of performance.relationships.filter((x) => x.consortiumId === period.consortiumId)) {
      const customer = codeOf.get(r.customerId) ?? '';
      if (customer === QUIET_CUSTOMER) {
        // two suppliers answer about it every period: never enough for an aggregate
        if (quietAnswered.size >= 2) continue;
        quietAnswered.add(r.supplierId);
      } else if (!rng.chance(collecting ? 0.35 : 0.85)) continue;
      const [forecast, payment, help] = PROFILE[customer] ?? [3, 3, 3];
      const rebid = r.sourcingMode === 'annual_rebid' ? 2 : r.sourcingMode === 'multi_year' ? 4 : 5;
      const noise = (): number => rng.int(-1, 1);
      const recommend = clamp((forecast + payment + help + rebid) / 4 + noise());
      rows.push({
        id: uuidv7(new Date(period.startsOn), rng),
        consortiumId: period.consortiumId,
        periodId: period.id as string,
        supplierId: r.supplierId,
        customerId: r.customerId,
        forecastStability: clamp(forecast + noise()),
        paymentOnTime: clamp(payment + noise()),
        rebidThreat: clamp(rebid + noise()),
        helpReceived: clamp(help + noise()),
        wouldRecommend: recommend,
        // answered some weeks into the period (the list sorts by when an answer was given)
        createdAt: answeredAt,
        updatedAt: answeredAt,
      });
    }
  }
  return rows;
}
