import fc from 'fast-check';
import { echelonOf, inRowSpan } from './linear';
import { QUANTILES, withheldQuantiles, type QuantileName } from './quantiles';
import { percentileCont } from './statistics';

const ALL: QuantileName[] = ['p25', 'median', 'p75'];
const group = (values: number[]) => values.map((value, i) => ({ organisationId: `f${i}`, value: value + i * 1e-3 }));

describe('quantiles a reader may be shown', () => {
  it('an odd median, or p25 and p75 of five, is one firm\'s value: withheld even from a reader who knows nobody', () => {
    expect(withheldQuantiles(group([1, 2, 3, 4, 5]), ALL, new Set())).toEqual(new Set(ALL));
    expect(withheldQuantiles(group([1, 2, 3, 4, 5, 6, 7]), ALL, new Set())).toEqual(new Set(['median']));
  });

  it('six firms: p25 = ¾ x₁ + ¼ x₂ tells x₂ to the firm at x₁ (the attack), so p25 goes for it and the chain stops', () => {
    const six = group([93.8, 95.0, 95.7, 96.1, 96.3, 97.9]);
    expect(withheldQuantiles(six, ALL, new Set())).toEqual(new Set());
    const forX1 = withheldQuantiles(six, ALL, new Set(['f1']));
    expect(forX1.has('p25')).toBe(true);
    // what is left tells no single value: checked by brute force below too
    expect(told(six, ALL.filter((q) => !forX1.has(q)), new Set(['f1']))).toEqual([]);
  });

  it('two equal quantiles fix the values between them (p25 ≤ median ≤ p75): the outer one goes until none are equal', () => {
    // thirty-six of forty-three firms trained 0 hours: p25 = median = p75 = 0
    const hours = [...new Array<number>(36).fill(0), 3, 5, 8, 12, 20, 30, 40].map((value, i) => ({ organisationId: `h${i}`, value }));
    const present: QuantileName[] = ['p10', 'p25', 'median', 'p75', 'p90'];
    const out = withheldQuantiles(hours, present, new Set());
    const kept = present.filter((q) => !out.has(q));
    const at = (q: QuantileName) => percentileCont(hours.map((h) => h.value).sort((a, b) => a - b), QUANTILES.find(([x]) => x === q)?.[1] ?? 0.5);
    expect(new Set(kept.map(at)).size).toBe(kept.length);
    expect(kept).toContain('p90');
    // seven firms, the middle five alike: the median (one firm's) is withheld, and p25 = p75 = 5 would give it
    const seven = [1, 5, 5, 5, 5, 5, 9].map((value, i) => ({ organisationId: `s${i}`, value }));
    const shown = ALL.filter((q) => !withheldQuantiles(seven, ALL, new Set()).has(q));
    expect(shown.length).toBeLessThan(2);
  });

  it('a reader who knows every member is told nothing new: everything is withheld', () => {
    expect(withheldQuantiles(group([1, 2, 3]), ALL, new Set(['f0', 'f1', 'f2']))).toEqual(new Set(ALL));
  });

  it('property: whatever is kept, with the total, determines no unknown value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 24 }),
        fc.array(fc.nat(23), { maxLength: 3 }),
        (values, knownIdx) => {
          const g = group(values);
          const known = new Set(knownIdx.filter((i) => i < values.length).map((i) => `f${i}`));
          const present: QuantileName[] = values.length >= 10 ? ['p10', 'p25', 'median', 'p75', 'p90'] : ALL;
          const kept = present.filter((q) => !withheldQuantiles(g, present, known).has(q));
          expect(told(g, kept, known)).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 2026 },
    );
  });
});

/**
 * An oracle independent of the implementation's equations: each shown quantile's weight on
 * each member is measured on statisticsʼ own percentileCont (nudging one value and watching
 * the quantile move), then the rank test over the unknown members: the values some
 * combination of the shown quantities and the total gives exactly.
 */
function told(members: { organisationId: string; value: number }[], kept: readonly QuantileName[], known: ReadonlySet<string>): string[] {
  // distinct values, so a small nudge never reorders them
  const base = members.map((m, i) => ({ ...m, value: m.value + i * 1e-3 }));
  const unknown = base.filter((m) => !known.has(m.organisationId));
  const delta = 1e-5;
  const weightsOf = (q: number): number[] => {
    const at = percentileCont(base.map((m) => m.value), q) ?? 0;
    return unknown.map((m) => ((percentileCont(base.map((x) => (x === m ? x.value + delta : x.value)), q) ?? 0) - at) / delta);
  };
  const rows = [unknown.map(() => 1), ...kept.map((name) => weightsOf(QUANTILES.find(([q]) => q === name)?.[1] ?? 0.5).map((w) => Math.round(w * 1e4) / 1e4))];
  const e = echelonOf(rows, unknown.length);
  return unknown.filter((_, c) => inRowSpan(e, unknown.map((__, j) => (j === c ? 1 : 0)))).map((m) => m.organisationId);
}
