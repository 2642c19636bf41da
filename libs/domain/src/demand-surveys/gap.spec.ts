import fc from 'fast-check';
import { DOMINANCE_ONE, DOMINANCE_TWO } from '../benchmarks/disclosure';
import { recoverable } from '../benchmarks/disclosure-oracle';
import { canMoveDemandSurvey, demandGap, demandWithheldMessage, pipelineWindow, type DemandLine } from './gap';

const line = (organisationId: string, socCode: string, expectedOpenings: number, couldExistJobs: number): DemandLine => ({ organisationId, socCode, expectedOpenings, couldExistJobs });
const firms = (n: number, prefix = 'f'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const even = (soc: string, n: number, openings = 4, could = 2): DemandLine[] => firms(n).map((f) => line(f, soc, openings, could));

describe('demandGap', () => {
  it('sums demand per occupation and sets it against the pipeline', () => {
    const d = demandGap(even('51-4041', 5), new Map([['51-4041', 7]]), 5, null);
    expect(d.occupations).toEqual([{ socCode: '51-4041', answeringFirms: 5, expectedOpenings: 20, couldExistJobs: 10, demand: 30, pipeline: 7, gap: 23, withheld: null }]);
    expect(d.total).toEqual({ occupations: 1, expectedOpenings: 20, couldExistJobs: 10, demand: 30, pipeline: 7, gap: 23 });
    expect(d).toMatchObject({ respondents: 5, respondentsShown: true });
  });

  it('withholds an occupation answered by fewer than k firms, and one only the pipeline names', () => {
    const d = demandGap([...even('51-4041', 5), ...even('51-4121', 4)], new Map([['51-2092', 3]]), 5, null);
    expect(d.occupations.map((o) => [o.socCode, o.withheld])).toEqual([
      ['51-2092', 'fewer_than_k'],
      ['51-4041', null],
      ['51-4121', 'fewer_than_k'],
    ]);
    expect(d.total).toMatchObject({ occupations: 1, expectedOpenings: 20 });
  });

  it('does not count the reader among the k: it knows its own answer', () => {
    const lines = even('51-4041', 5);
    expect(demandGap(lines, new Map(), 5, 'f0').occupations[0]?.withheld).toBe('fewer_than_k');
    expect(demandGap(lines, new Map(), 5, 'outsider').occupations[0]?.withheld).toBeNull();
    expect(demandGap([...lines, line('f5', '51-4041', 4, 2)], new Map(), 5, 'f0').occupations[0]?.withheld).toBeNull();
    // a person acting for two firms knows both answers
    expect(demandGap([...lines, line('f5', '51-4041', 4, 2)], new Map(), 5, new Set(['f0', 'f1'])).occupations[0]?.withheld).toBe('fewer_than_k');
  });

  it('withholds an occupation one firm dominates (more than 60 %) or two (more than 80 %)', () => {
    const one = [line('big', '51-4041', 70, 5), ...firms(4).map((f) => line(f, '51-4041', 5, 5))];
    const two = [line('a', '51-4041', 45, 5), line('b', '51-4041', 40, 5), ...firms(3).map((f) => line(f, '51-4041', 5, 5))];
    expect(demandGap(one, new Map(), 5, null).occupations[0]?.withheld).toBe('dominated');
    expect(demandGap(two, new Map(), 5, null).occupations[0]?.withheld).toBe('dominated');
    // for the dominant firm itself the others are four: fewer than k
    expect(demandGap(one, new Map(), 5, 'big').occupations[0]?.withheld).toBe('fewer_than_k');
  });

  it('withholds an occupation whose other firms all answered zero in a column: each zero would show', () => {
    const d = demandGap(even('51-4041', 6, 3, 0), new Map(), 5, null);
    expect(d.occupations[0]?.withheld).toBe('dominated');
    // the only firm with could-exist jobs reads a zero total of the others
    const mine = [line('me', '51-4041', 3, 4), ...even('51-4041', 5, 3, 0)];
    expect(demandGap(mine, new Map(), 5, 'me').occupations[0]?.withheld).toBe('dominated');
  });

  it('gives staff every occupation with its figures, the reason beside them, and the total over all', () => {
    const d = demandGap([...even('51-4041', 5), ...even('51-4121', 2)], new Map(), 5, null, true);
    expect(d.occupations.find((o) => o.socCode === '51-4121')).toMatchObject({ withheld: 'fewer_than_k', expectedOpenings: 8 });
    expect(d.total).toMatchObject({ occupations: 2, expectedOpenings: 28 });
  });

  it('tells the number of respondents only from k on', () => {
    expect(demandGap(even('51-4041', 4), new Map(), 5, null).respondentsShown).toBe(false);
    expect(demandGap(even('51-4041', 4), new Map(), 5, null, true).respondentsShown).toBe(true);
  });

  it('is the same whatever the order of the answers', () => {
    const lines = [...even('51-4041', 6), ...even('51-4121', 3), line('x', '51-4041', 9, 1)];
    expect(demandGap([...lines].reverse(), new Map(), 5, 'f1')).toEqual(demandGap(lines, new Map(), 5, 'f1'));
  });

  it('names every reason in words without a figure but k', () => {
    expect(demandWithheldMessage('fewer_than_k', 5)).toBe('fewer than 5 answering firms');
    for (const r of ['dominated', 'differencing'] as const) expect(demandWithheldMessage(r, 5)).not.toMatch(/\d/);
  });

  const answers = fc
    .array(
      fc.record({ firm: fc.integer({ min: 0, max: 8 }), soc: fc.constantFrom('11-1021', '51-4041', '51-4121'), openings: fc.integer({ min: 0, max: 30 }), could: fc.integer({ min: 0, max: 10 }) }),
      { maxLength: 30 },
    )
    .map((xs) => {
      const unique = new Map(xs.map((x) => [`f${x.firm}|${x.soc}`, line(`f${x.firm}`, x.soc, x.openings, x.could)]));
      return [...unique.values()];
    });

  it('shows no row from which a reader can work out another firm’s answer (property)', () => {
    fc.assert(
      fc.property(answers, fc.integer({ min: 2, max: 5 }), fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }), (lines, k, readerIndex) => {
        const reader = readerIndex === null ? null : `f${readerIndex}`;
        const d = demandGap(lines, new Map([['51-2092', 4]]), k, reader);
        const shown = d.occupations.filter((o) => o.withheld === null);
        // one variable per firm and occupation: rows and the total row are sums of them
        const rowOf = (soc: string): Set<string> => new Set(lines.filter((l) => l.socCode === soc).map((l) => `${l.organisationId}|${soc}`));
        const sets = shown.map((o) => rowOf(o.socCode));
        const known = new Set(lines.filter((l) => l.organisationId === reader).map((l) => `${l.organisationId}|${l.socCode}`));
        expect(recoverable([...sets, new Set(sets.flatMap((s) => [...s]))], known)).toEqual([]);
        for (const o of shown) {
          const others = lines.filter((l) => l.socCode === o.socCode && l.organisationId !== reader);
          expect(new Set(others.map((l) => l.organisationId)).size).toBeGreaterThanOrEqual(k);
          for (const column of ['expectedOpenings', 'couldExistJobs'] as const) {
            const values = others.map((l) => l[column]).sort((a, b) => b - a);
            const total = values.reduce((s, x) => s + x, 0);
            // a zero total would say each answer; a dominant one or two would say most of it
            expect(total).toBeGreaterThan(0);
            expect(values[0] ?? 0).toBeLessThanOrEqual(DOMINANCE_ONE * total);
            expect((values[0] ?? 0) + (values[1] ?? 0)).toBeLessThanOrEqual(DOMINANCE_TWO * total);
          }
        }
        expect(d.total.occupations).toBe(shown.length);
        expect(d.total.expectedOpenings).toBe(shown.reduce((s, o) => s + o.expectedOpenings, 0));
      }),
      { numRuns: 300 },
    );
  });
});

describe('canMoveDemandSurvey', () => {
  it('goes draft → open → closed and never back', () => {
    expect(canMoveDemandSurvey('draft', 'open')).toBe(true);
    expect(canMoveDemandSurvey('open', 'closed')).toBe(true);
    expect(canMoveDemandSurvey('draft', 'closed')).toBe(false);
    expect(canMoveDemandSurvey('closed', 'open')).toBe(false);
    expect(canMoveDemandSurvey('open', 'draft')).toBe(false);
  });
});

describe('pipelineWindow', () => {
  it('runs from the day the survey opens for the horizon’s months', () => {
    const w = pipelineWindow(new Date('2026-03-15T00:00:00Z'), 12);
    expect(w.from.toISOString().slice(0, 10)).toBe('2026-03-15');
    expect(w.until.toISOString().slice(0, 10)).toBe('2027-03-15');
  });

  it('ends on the last day of a shorter month rather than running into the next', () => {
    expect(pipelineWindow(new Date('2026-01-31T00:00:00Z'), 1).until.toISOString().slice(0, 10)).toBe('2026-02-28');
    expect(pipelineWindow(new Date('2027-08-31T00:00:00Z'), 6).until.toISOString().slice(0, 10)).toBe('2028-02-29');
  });
});
