import type { EnqueueOptions, JobProducer } from '@tandem/server';
import { TrainingFiguresTrigger } from './training-figures.trigger';

describe('TrainingFiguresTrigger', () => {
  const added: { name: string; data: unknown; opts: EnqueueOptions }[] = [];
  const jobs = { enqueue: async (name: string, data: unknown, opts: EnqueueOptions = {}) => void added.push({ name, data, opts }) } as unknown as JobProducer;
  const trigger = new TrainingFiguresTrigger(jobs);
  beforeEach(() => (added.length = 0));

  it('debounces record changes per consortium: one job per window, every period, run at the end of the window', async () => {
    const w = TrainingFiguresTrigger.DEBOUNCE_MS;
    const start = 1_000 * w;
    const a = await trigger.recordsChanged('c1', start + 10);
    const b = await trigger.recordsChanged('c1', start + w - 1);
    const next = await trigger.recordsChanged('c1', start + w);
    const other = await trigger.recordsChanged('c2', start + 10);
    expect(a).toBe(b);
    expect(next).not.toBe(a);
    expect(other).not.toBe(a);
    expect(a).not.toContain(':');
    expect(added[0]).toEqual({ name: 'training-figures.derive', data: { consortiumId: 'c1', periodId: null }, opts: { jobId: a, delay: w - 10 } });
  });

  it('derives a closed period once per close, again after a reopening', async () => {
    const first = await trigger.periodClosed('c1', 'p1', 0);
    const retried = await trigger.periodClosed('c1', 'p1', 0);
    const afterReopening = await trigger.periodClosed('c1', 'p1', 1);
    expect(first).toBe(retried);
    expect(afterReopening).not.toBe(first);
    expect(added.map((x) => x.data)).toEqual([{ consortiumId: 'c1', periodId: 'p1' }, { consortiumId: 'c1', periodId: 'p1' }, { consortiumId: 'c1', periodId: 'p1' }]);
  });
});
