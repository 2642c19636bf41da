import type { INestApplicationContext } from '@nestjs/common';
import type { MetricDefinition, MetricValue, Organisation, Period, Scorecard, ScorecardTemplate, SupplyRelationship } from '@tandem/contracts';
import { STANDARD_CATALOGUE } from '@tandem/domain';
import { createWorker } from '../../../apps/worker/src/bootstrap';
import { startHarness, type Harness } from './harness';

/**
 * Supplier-performance journeys need the worker (imports are parsed and committed by it,
 * scorecards computed by it): the same harness, plus the worker in this process on the
 * same database and Redis prefix.
 */
export async function startPerformanceHarness(): Promise<Harness> {
  const harness = await startHarness();
  let worker: INestApplicationContext;
  try {
    worker = await createWorker();
  } catch (error) {
    await harness.close();
    throw error;
  }
  return {
    ...harness,
    async close() {
      await harness.close();
      await worker.close();
    },
  };
}

/** Direct API calls for set-up and checks, as a given user (token from apiLogin). */
export class Api {
  constructor(
    private readonly harness: Harness,
    readonly token: string,
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.harness.apiUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  /** A simple-REST list with a filter, up to 500 rows. */
  list<T>(resource: string, filter: Record<string, unknown> = {}): Promise<T[]> {
    const query = `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,499]')}`;
    return this.get<T[]>(`/api/${resource}?${query}`);
  }
}

export async function organisationByCode(staff: Api, code: string): Promise<Organisation> {
  const found = (await staff.list<Organisation>('organisations', { q: code })).find((o) => o.code === code);
  if (!found) throw new Error(`no organisation ${code} in the demo seed`);
  return found;
}

/**
 * The standard catalogue, enabled. The demo seed writes it; a database seeded without the
 * supplier-performance part gets the missing entries through the API.
 */
export async function ensureCatalogue(staff: Api): Promise<Map<string, MetricDefinition>> {
  const existing = new Map((await staff.list<MetricDefinition>('metric-definitions')).map((m) => [m.code, m]));
  for (const m of STANDARD_CATALOGUE) {
    const found = existing.get(m.code);
    if (found && !found.enabled) existing.set(m.code, await staff.request<MetricDefinition>('PATCH', `/api/metric-definitions/${found.id}`, { enabled: true }));
    if (found) continue;
    const { definition: _definition, ...fields } = m;
    existing.set(m.code, await staff.post<MetricDefinition>('/api/metric-definitions', fields));
  }
  return existing;
}

/**
 * A fresh open quarter, so a journey never meets values the seed or another journey left in
 * its period: the first quarter from 2027 on that the calendar does not have yet.
 */
export async function freshQuarter(staff: Api): Promise<Period> {
  const codes = new Set((await staff.list<Period>('periods')).map((p) => p.code));
  for (let year = 2027; year < 2100; year++) {
    for (let q = 1; q <= 4; q++) {
      const code = `${year}-Q${q}`;
      if (!codes.has(code)) return staff.post<Period>('/api/periods', { code });
    }
  }
  throw new Error('no free quarter code');
}

/** Northstar Engines buys from Acme Castings in the demo story; create it if the seed has not. */
export async function ensureRelationship(staff: Api, customer: Organisation, supplier: Organisation): Promise<SupplyRelationship> {
  const [found] = await staff.list<SupplyRelationship>('supply-relationships', { customerId: customer.id, supplierId: supplier.id });
  if (found) return found;
  return staff.post<SupplyRelationship>('/api/supply-relationships', {
    customerId: customer.id,
    supplierId: supplier.id,
    since: '2014-03-01',
    commodity: 'grey iron cylinder-block and head castings',
    spendBand: '5-20M USD',
    sourcingMode: 'multi_year',
  });
}

/** An active template that scores the relationship (the consortium's or the customer's own). */
export async function ensureTemplate(staff: Api, customer: Organisation, catalogue: Map<string, MetricDefinition>): Promise<void> {
  const active = await staff.list<ScorecardTemplate>('scorecard-templates', { active: true });
  if (active.some((t) => t.customerId === null || t.customerId === customer.id)) return;
  const id = (code: string) => {
    const metric = catalogue.get(code);
    if (!metric) throw new Error(`metric ${code} missing`);
    return metric.id;
  };
  await staff.post('/api/scorecard-templates', {
    name: 'Consortium supplier scorecard',
    standings: [
      { standing: 'preferred', minScore: 85 },
      { standing: 'approved', minScore: 70 },
      { standing: 'development', minScore: 50 },
      { standing: 'probation', minScore: 0 },
    ],
    criteria: [
      { metricId: id('OTD'), weight: 2, thresholds: [{ atLeast: 98, score: 100 }, { atLeast: 95, score: 85 }, { atLeast: 90, score: 65 }, { atLeast: 0, score: 30 }] },
      { metricId: id('PPM'), weight: 1, thresholds: [{ atMost: 50, score: 100 }, { atMost: 200, score: 75 }, { atMost: 1000, score: 45 }] },
    ],
  });
}

/** Recompute a period's scorecards in the worker and wait for the relationship's one. */
export async function recomputeScorecard(staff: Api, periodId: string, relationshipId: string, timeoutMs = 30_000): Promise<Scorecard> {
  await staff.post('/api/scorecards/recompute', { periodId });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [card] = await staff.list<Scorecard>('scorecards', { periodId, relationshipId });
    if (card) return card;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no scorecard for relationship ${relationshipId} in period ${periodId} after ${timeoutMs} ms`);
}

/** Plausible, in-range figures for a supplier's own report, by metric code. */
const GOOD_FIGURES: Record<string, number> = { OTD: 97, PPM: 120, LEAD_TIME: 14, COST_INDEX: 98, CYCLE_TIME: 8, SETUP_TIME: 20, SCRAP: 1.5, INV_TURNS: 9, OEE: 78, TRIR: 1.2, VA_EMP: 95000 };

/**
 * A standing is final only once its period is closed with every criterion validated (a
 * provisional scorecard is not in the standing history). Staff enter the supplier's own
 * figures for the criteria still without a value, validate them, close the period, and wait
 * for the worker to make the scorecard final.
 */
export async function finalScorecard(staff: Api, card: Scorecard, supplierId: string, timeoutMs = 30_000): Promise<Scorecard> {
  for (const d of card.details.filter((x) => x.value === null)) {
    const value = GOOD_FIGURES[d.metricCode];
    if (value === undefined) throw new Error(`no figure to report for ${d.metricCode}`);
    const reported = await staff.post<MetricValue>('/api/metric-values', { organisationId: supplierId, metricId: d.metricId, periodId: card.periodId, value, submit: true });
    await staff.post(`/api/metric-values/${reported.id}/validate`);
  }
  await staff.post(`/api/periods/${card.periodId}/close`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [final] = await staff.list<Scorecard>('scorecards', { periodId: card.periodId, relationshipId: card.relationshipId, provisional: false });
    if (final) return final;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the scorecard of relationship ${card.relationshipId} in period ${card.periodId} did not become final after ${timeoutMs} ms`);
}

export async function valuesOf(api: Api, filter: Record<string, unknown>): Promise<MetricValue[]> {
  return api.list<MetricValue>('metric-values', filter);
}
