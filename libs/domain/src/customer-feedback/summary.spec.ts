import fc from 'fast-check';
import { FEEDBACK_QUESTIONS, type FeedbackQuestion } from '@tandem/contracts';
import { recoverable } from '../benchmarks/disclosure-oracle';
import { decideFeedback, type FeedbackAnswer } from './summary';

const scores = (x: number): Record<FeedbackQuestion, number> => Object.fromEntries(FEEDBACK_QUESTIONS.map((q) => [q, x])) as Record<FeedbackQuestion, number>;
const answer = (supplierId: string, customerId: string, x = 3): FeedbackAnswer => ({ id: `${supplierId}>${customerId}`, supplierId, customerId, scores: scores(x) });
const suppliers = (n: number, prefix = 's'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('decideFeedback', () => {
  it('shows a customer answered by k suppliers, with its mean, and withholds one answered by fewer', () => {
    const answers = [...suppliers(5).map((s, i) => answer(s, 'A', 1 + (i % 5))), ...suppliers(4).map((s) => answer(s, 'B', 2))];
    const d = decideFeedback(answers, 5, null);
    expect(d.customers.get('A')).toMatchObject({ answering: 5, withheld: null });
    expect(d.customers.get('A')?.questions.paymentOnTime.mean).toBe(3);
    expect(d.customers.get('B')).toMatchObject({ withheld: 'fewer_than_k' });
    expect(d.customers.get('B')?.questions.paymentOnTime.mean).toBeNull();
  });

  it('does not count the reader among the k: a supplier that answered sees a cell only with k others', () => {
    const answers = suppliers(5).map((s) => answer(s, 'A'));
    expect(decideFeedback(answers, 5, null).customers.get('A')?.withheld).toBeNull();
    expect(decideFeedback(answers, 5, 's0').customers.get('A')?.withheld).toBe('fewer_than_k');
    expect(decideFeedback(answers, 5, 'outsider').customers.get('A')?.withheld).toBeNull();
    // a person acting for two suppliers knows both answers
    const six = suppliers(6).map((s) => answer(s, 'A'));
    expect(decideFeedback(six, 5, 's0').customers.get('A')?.withheld).toBeNull();
    expect(decideFeedback(six, 5, new Set(['s0', 's1'])).customers.get('A')?.withheld).toBe('fewer_than_k');
  });

  it('counts suppliers, not answers: one supplier answering about many customers is one', () => {
    const answers = [...suppliers(4).map((s) => answer(s, 'A')), answer('s0', 'B'), answer('s0', 'C')];
    expect(decideFeedback(answers, 5, null).customers.get('A')?.withheld).toBe('fewer_than_k');
  });

  it('withholds a question one or two answers dominate, and keeps it out of the all-customers figure', () => {
    const cell = [answer('s0', 'A', 5), ...suppliers(4, 't').map((s) => answer(s, 'A', 1))];
    // 5 of 9 is 56 %: not dominated by one; 5 + 1 of 9 is 67 %: not by two. With k = 2 and a tiny cell it is.
    const tiny = [answer('s0', 'A', 5), answer('s1', 'A', 1)];
    expect(decideFeedback(cell, 5, null).customers.get('A')?.questions.forecastStability.withheld).toBeNull();
    const d = decideFeedback(tiny, 2, null);
    expect(d.customers.get('A')?.withheld).toBeNull();
    expect(d.customers.get('A')?.questions.forecastStability).toEqual({ mean: null, withheld: 'dominated' });
    expect(d.all.questions.forecastStability.withheld).toBe('fewer_than_k');
  });

  it('gives the all-customers figure over shown customers only, and only with k of them', () => {
    // (not the lowest score: every answer at a bound would be dominated)
    const shownCells = ['A', 'B', 'C'].flatMap((c, j) => suppliers(3).map((s) => answer(s, c, 2 + j)));
    const hidden = [answer('s0', 'H', 5)];
    const d = decideFeedback([...shownCells, ...hidden], 3, null);
    expect(d.customers.get('H')?.withheld).toBe('fewer_than_k');
    // means 2, 3, 4 over 9 answers; the hidden 5 is not in it (it would make 3.2)
    expect(d.all).toMatchObject({ withheld: null, answering: 3 });
    expect(d.all.questions.wouldRecommend.mean).toBe(3);
    const two = decideFeedback(shownCells.filter((a) => a.customerId !== 'C'), 3, null);
    expect(two.all.withheld).toBe('fewer_than_k');
  });

  it('withholds a question every supplier gave the top or the lowest score: the mean would tell each', () => {
    const alike = (x: number) => suppliers(6).map((s) => answer(s, 'A', x));
    expect(decideFeedback(alike(5), 5, null).customers.get('A')?.questions.wouldRecommend).toEqual({ mean: null, withheld: 'dominated' });
    expect(decideFeedback(alike(1), 5, null).customers.get('A')?.questions.wouldRecommend).toEqual({ mean: null, withheld: 'dominated' });
    // alike in between: a mean of 4 may be 3, 4 and 5 as well
    expect(decideFeedback(alike(4), 5, null).customers.get('A')?.questions.wouldRecommend).toEqual({ mean: 4, withheld: null });
    // a reader who scored 4 reads the others' 5s out of a mean of 4.83 unless it is withheld
    const mine = [answer('me', 'A', 4), ...suppliers(5).map((s) => answer(s, 'A', 5))];
    expect(decideFeedback(mine, 5, null).customers.get('A')?.questions.wouldRecommend.withheld).toBeNull();
    expect(decideFeedback(mine, 5, 'me').customers.get('A')?.questions.wouldRecommend).toEqual({ mean: null, withheld: 'dominated' });
  });

  it('rejects a k that is not a positive integer', () => {
    expect(() => decideFeedback([], 0, null)).toThrow(RangeError);
  });

  it('property: no shown figure lets any reader recover an answer it did not write (oracle over answers)', () => {
    const arb = fc.record({
      k: fc.integer({ min: 2, max: 4 }),
      pairs: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 4 })), { maxLength: 30, selector: ([s, c]) => `${s}>${c}` }),
      reader: fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }),
    });
    fc.assert(
      fc.property(arb, ({ k, pairs, reader }) => {
        const answers = pairs.map(([s, c]) => answer(`s${s}`, `c${c}`));
        const readerId = reader === null ? null : `s${reader}`;
        const d = decideFeedback(answers, k, readerId);
        const shownSets: Set<string>[] = [];
        for (const [c, cell] of d.customers) {
          if (cell.withheld !== null) continue;
          const members = answers.filter((a) => a.customerId === c);
          shownSets.push(new Set(members.map((a) => a.id)));
          const others = new Set(members.filter((a) => a.supplierId !== readerId).map((a) => a.supplierId));
          expect(others.size).toBeGreaterThanOrEqual(k);
        }
        if (d.all.withheld === null) {
          const shownCustomers = [...d.customers].filter(([, x]) => x.withheld === null).map(([c]) => c);
          shownSets.push(new Set(answers.filter((a) => shownCustomers.includes(a.customerId)).map((a) => a.id)));
          expect(shownCustomers.length).toBeGreaterThanOrEqual(k);
        }
        const known = new Set(answers.filter((a) => a.supplierId === readerId).map((a) => a.id));
        expect(recoverable(shownSets, known)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
