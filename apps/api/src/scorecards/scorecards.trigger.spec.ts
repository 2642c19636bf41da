import type { EnqueueOptions, JobProducer } from '@tandem/server';
import { ScorecardsTrigger } from './scorecards.trigger';

describe('ScorecardsTrigger', () => {
  const added: { name: string; data: unknown; opts: EnqueueOptions }[] = [];
  const jobs = { enqueue: async (name: string, data: unknown, opts: EnqueueOptions = {}) => void added.push({ name, data, opts }) } as unknown as JobProducer;
  const trigger = new ScorecardsTrigger(jobs);
  beforeEach(() => (added.length = 0));

  it('debounces validations: one job id per consortium, period and window, run at the end of the window', async () => {
    const w = ScorecardsTrigger.DEBOUNCE_MS;
    const start = 1_000 * w; // the start of a window
    const a = await trigger.valuesValidated('c1', 'p1', start + 10);
    const b = await trigger.valuesValidated('c1', 'p1', start + w - 1);
    const next = await trigger.valuesValidated('c1', 'p1', start + w);
    const other = await trigger.valuesValidated('c1', 'p2', start + 10);
    expect(a).toBe(b);
    expect(next).not.toBe(a);
    expect(other).not.toBe(a);
    expect(a).not.toContain(':');
    expect(added.map((x) => x.opts.delay)).toEqual([w - 10, 1, w, w - 10]);
    expect(added[0]).toEqual({ name: 'scorecards.recompute', data: { consortiumId: 'c1', periodId: 'p1' }, opts: { jobId: a, delay: w - 10 } });
  });

  it('runs a staff request at once; a double submit in the same second is one job', async () => {
    const a = await trigger.recomputeNow('c1', 'p1', 5_000_100);
    const b = await trigger.recomputeNow('c1', 'p1', 5_000_900);
    expect(a).toBe(b);
    expect(added[0]?.opts.delay).toBeUndefined();
  });

  it('enqueues one job per close of a period, a new one after each reopening', async () => {
    const first = await trigger.periodClosed('c1', 'p1', 0);
    const retried = await trigger.periodClosed('c1', 'p1', 0);
    const afterReopening = await trigger.periodClosed('c1', 'p1', 1);
    expect(first).toBe(retried);
    expect(afterReopening).not.toBe(first);
    expect(first).not.toContain(':');
    expect(added.map((x) => x.opts)).toEqual([{ jobId: first }, { jobId: first }, { jobId: afterReopening }]);
  });
});
