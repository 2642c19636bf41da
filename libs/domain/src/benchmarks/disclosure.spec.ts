import fc from 'fast-check';
import { recoverable as recoverableFrom } from './disclosure-oracle';
import { FixedCells, disclosureCellsOf, discloseCells, isDominated, suppressionMessage, unknownDifference, type DisclosureCell, type DisclosureMember } from './disclosure';
import { echelonOf, inRowSpan } from './linear';

const m = (id: string, ...contributions: number[]): DisclosureMember => ({ organisationId: id, contributions: contributions.length ? contributions : [1] });
const cell = (key: string, ids: string[], partition = 'OTD/2026-Q1'): DisclosureCell => ({ key, partition, members: ids.map((id) => m(id)) });
const firms = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => `f${i + from}`);
/** Whether some combination of the shown cells' totals gives the plain sum over `ids` (one column per firm). */
const derivableSum = (shown: readonly DisclosureCell[], ids: readonly string[]): boolean => {
  const columns = [...new Set(shown.flatMap((c) => c.members.map((x) => x.organisationId)))];
  if (!ids.every((id) => columns.includes(id))) return false;
  const e = echelonOf(shown.map((c) => columns.map((id) => (c.members.some((x) => x.organisationId === id) ? 1 : 0))), columns.length);
  return inRowSpan(e, columns.map((id) => (ids.includes(id) ? 1 : 0)));
};

describe('rule 1: minimum group size', () => {
  it('publishes n = k and suppresses n = k − 1', () => {
    const out = discloseCells([cell('five', firms(5)), cell('four', firms(4), 'PPM/2026-Q1')], 5);
    expect(out.get('five')).toBeNull();
    expect(out.get('four')).toBe('fewer_than_k');
    expect(suppressionMessage('fewer_than_k', 5)).toBe('fewer than 5 peers');
  });
  it('counts distinct organisations', () => {
    const dup: DisclosureCell = { key: 'd', partition: 'p', members: [m('a'), m('a'), m('b'), m('c'), m('d')] };
    expect(discloseCells([dup], 5).get('d')).toBe('fewer_than_k');
  });
});

describe('rule 3: dominance', () => {
  it('one contributor above 60 % or two above 80 %', () => {
    expect(isDominated([m('a', 61), m('b', 13), m('c', 13), m('d', 13)])).toBe(true);
    expect(isDominated([m('a', 60), m('b', 10), m('c', 10), m('d', 10), m('e', 10)])).toBe(false);
    expect(isDominated([m('a', 41), m('b', 40), m('c', 7), m('d', 6), m('e', 6)])).toBe(true);
    expect(isDominated([m('a', 40), m('b', 40), m('c', 7), m('d', 7), m('e', 6)])).toBe(false);
    // a total of zero: every member contributed 0, which the figure would tell
    expect(isDominated([m('a', 0), m('b', 0), m('c', 0), m('d', 0), m('e', 0)])).toBe(true);
    expect(isDominated([m('a', 0, 0, 10), m('b', 0, 0, 12), m('c', 0, 0, 9), m('d', 0, 0, 11), m('e', 0, 0, 10)])).toBe(true);
  });
  it('every member at the same bound of the range is dominated: the mean can only be each one\'s value', () => {
    const percent = [{ min: 0, max: 100 }];
    const score = [{ min: 1, max: 5 }];
    const all = (ids: string[], x: number) => ids.map((id) => m(id, x));
    // every firm at 100 % on time; five suppliers all giving a customer the top score, or the lowest
    expect(isDominated(all(firms(7), 100), percent)).toBe(true);
    expect(isDominated(all(firms(5), 5), score)).toBe(true);
    expect(isDominated(all(firms(5), 1), score)).toBe(true);
    // alike inside the range: a mean of 4 may be 3, 4 and 5 as well, and nobody can tell which
    expect(isDominated(all(firms(5), 4), score)).toBe(false);
    expect(isDominated(all(firms(5), 100))).toBe(false);
    // unless the quantiles are shown too: p10 = p90 = mean = 4 is everyone's 4
    expect(isDominated(all(firms(5), 4), [{ min: 1, max: 5, distribution: true }])).toBe(true);
    expect(isDominated([...all(firms(4), 4), m('x', 3)], [{ min: 1, max: 5, distribution: true }])).toBe(false);
    // one firm off the bound is enough: the mean no longer tells who is where
    expect(isDominated([...all(firms(4), 100), m('x', 99)], percent)).toBe(false);
    const c: DisclosureCell = { key: 'top', partition: 'p', members: all(firms(6), 100), bounds: percent };
    expect(discloseCells([c], 5).get('top')).toBe('dominated');
  });
  it('for a viewer, the members it cannot see all at a bound are dominated', () => {
    const c: DisclosureCell = { key: 'g', partition: 'p', members: [m('me', 90), ...firms(5).map((id) => m(id, 100))], bounds: [{ min: 0, max: 100 }] };
    expect(discloseCells([c], 5).get('g')).toBeNull();
    expect(discloseCells([c], 5, new Set(['me'])).get('g')).toBe('dominated');
  });
  it('a set of members all at a bound is not given by a difference either', () => {
    // the whole minus band A is band B, whose five firms all delivered 100 % on time
    const a = firms(5).map((id, i) => m(id, 90 + i));
    const b = firms(5, 5).map((id) => m(id, 100));
    const bounds = [{ min: 0, max: 100 }];
    const cells: DisclosureCell[] = [
      { key: 'whole', partition: 'p', members: [...a, ...b], bounds },
      { key: 'A', partition: 'p', members: a, bounds },
      { key: 'B', partition: 'p', members: b, bounds },
    ];
    const out = discloseCells(cells, 5);
    expect(out.get('B')).toBe('dominated');
    expect([out.get('whole'), out.get('A')]).toContain('differencing');
    // the same decision against the released whole and A, one cell at a time
    const fixed = new FixedCells([cells[0] as DisclosureCell], [cells[2] as DisclosureCell]);
    expect(fixed.decide(cells[1] as DisclosureCell, 5)).toBe('differencing');
  });
  it('checks every total of a pooled ratio (numerator and denominator)', () => {
    const members = [m('a', 1, 900), m('b', 1, 25), m('c', 1, 25), m('d', 1, 25), m('e', 1, 25)];
    expect(isDominated(members)).toBe(true);
    const c: DisclosureCell = { key: 'r', partition: 'p', members };
    expect(discloseCells([c], 5).get('r')).toBe('dominated');
  });
});

describe('rule 4: differencing with complementary suppression', () => {
  it('of two groups differing by one firm, the smaller is suppressed', () => {
    const out = discloseCells([cell('big', firms(6)), cell('small', firms(5))], 5);
    expect(out.get('big')).toBeNull();
    expect(out.get('small')).toBe('differencing');
  });
  it('groups with the same members publish both (nothing to subtract); far apart ones too', () => {
    const out = discloseCells([cell('a', firms(5)), cell('b', firms(5)), cell('c', firms(10))], 5);
    expect([...out.values()]).toEqual([null, null, null]);
  });
  it('repeats until stable across a chain', () => {
    const out = discloseCells([cell('g7', firms(7)), cell('g6', firms(6)), cell('g5', firms(5)), cell('g12', firms(12))], 5);
    // g5 vs g6 → g5 suppressed; g6 vs g7 → g6; g7 vs g12 differ by 5: fine
    expect(out.get('g5')).toBe('differencing');
    expect(out.get('g6')).toBe('differencing');
    expect(out.get('g7')).toBeNull();
    expect(out.get('g12')).toBeNull();
  });
  it('only compares cells of one partition (one metric, one period)', () => {
    const out = discloseCells([cell('a', firms(6), 'OTD'), cell('b', firms(5), 'PPM')], 5);
    expect([...out.values()]).toEqual([null, null]);
  });
  it('does not depend on the order of the input', () => {
    const cells = [cell('x', firms(8)), cell('y', firms(8, 1)), cell('z', firms(9))];
    expect([...discloseCells(cells, 5).entries()].sort()).toEqual([...discloseCells([...cells].reverse(), 5).entries()].sort());
  });
});

describe('rule 7: viewer-aware differencing', () => {
  it('a firm that knows its own value needs k others', () => {
    const c = cell('g', firms(5));
    expect(discloseCells([c], 5).get('g')).toBeNull();
    expect(discloseCells([c], 5, new Set(['f0'])).get('g')).toBe('fewer_than_k');
    expect(discloseCells([c], 5, new Set(['outsider'])).get('g')).toBeNull();
  });
  it('a buyer who sees four suppliers of a five-firm group never gets its statistic', () => {
    const c = cell('supply', firms(5));
    expect(discloseCells([c], 5, new Set(firms(4))).get('supply')).toBe('fewer_than_k');
  });
  it('two groups apart by one unknown firm are a pair for the viewer even when k apart in all', () => {
    // differ by f0..f4 (5 firms): fine publicly; a viewer knowing f0 isolates 4
    const cells = [cell('a', firms(10)), cell('b', firms(5, 5))];
    expect(discloseCells(cells, 5).get('b')).toBeNull();
    expect(discloseCells(cells, 5, new Set(['f0'])).get('b')).toBe('differencing');
  });
  it('dominance is judged among the members the viewer cannot see', () => {
    const members = [m('big', 100), m('a', 30), m('b', 30), m('c', 30), m('d', 30), m('e', 5)];
    const c: DisclosureCell = { key: 'g', partition: 'p', members };
    expect(discloseCells([c], 5).get('g')).toBeNull();
    // without "big", a … d at 30 of 125 each: no single one above 60 %; but viewer e's view is of big+a..d: 100/220
    expect(discloseCells([c], 5, new Set(['e'])).get('g')).toBeNull();
    const skew: DisclosureCell = { key: 's', partition: 'p', members: [m('me', 1000), m('big', 100), m('a', 10), m('b', 10), m('c', 10), m('d', 10)] };
    expect(discloseCells([skew], 5).get('s')).toBe('dominated');
  });
  it('earlier decisions stand for every viewer', () => {
    const out = discloseCells([cell('g', firms(9))], 5, new Set(), new Map([['g', 'dominated' as const]]));
    expect(out.get('g')).toBe('dominated');
  });
});

// ───────────── properties: nothing shown lets a viewer isolate fewer than k firms ─────────────

const ORGS = firms(14);
const arbCells = fc
  .array(
    fc.record({
      partition: fc.constantFrom('OTD', 'PPM'),
      ids: fc.uniqueArray(fc.constantFrom(...ORGS), { minLength: 1, maxLength: ORGS.length }),
      weights: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: ORGS.length, maxLength: ORGS.length }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((raw) =>
    raw.map((r, i): DisclosureCell => ({
      key: `c${i}`,
      partition: r.partition,
      members: r.ids.map((id) => m(id, r.weights[ORGS.indexOf(id)] ?? 0)),
    })),
  );

function check(cells: DisclosureCell[], k: number, known: Set<string>, out: Map<string, unknown>): void {
  const shown = cells.filter((c) => out.get(c.key) === null);
  for (const c of shown) {
    const hidden = c.members.filter((x) => !known.has(x.organisationId));
    expect(hidden.length).toBeGreaterThanOrEqual(k);
    expect(isDominated(hidden)).toBe(false);
  }
  for (const a of shown)
    for (const b of shown) {
      if (a === b || a.partition !== b.partition) continue;
      const d = unknownDifference(new Set(a.members.map((x) => x.organisationId)), new Set(b.members.map((x) => x.organisationId)), known);
      expect(d === 0 || d >= k).toBe(true);
    }
}

describe('properties', () => {
  it('no cell shown to any viewer breaks rules 1, 3, 4 or the viewer-aware rule', () => {
    fc.assert(
      fc.property(arbCells, fc.integer({ min: 3, max: 6 }), fc.uniqueArray(fc.constantFrom(...ORGS), { maxLength: 5 }), (cells, k, knownIds) => {
        const publicOut = discloseCells(cells, k);
        check(cells, k, new Set(), publicOut);
        const known = new Set(knownIds);
        const stored = new Map([...publicOut].filter((e): e is [string, NonNullable<(typeof e)[1]>] => e[1] !== null));
        const viewerOut = discloseCells(cells, k, known, stored);
        check(cells, k, known, viewerOut);
        // a viewer never sees more than the public
        for (const [key, reason] of publicOut) if (reason !== null) expect(viewerOut.get(key)).not.toBeNull();
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('a suppressed member value cannot be recovered: for every shown cell or shown pair, the unknown members are 0 or ≥ k', () => {
    // recovery of one firm's value needs a linear combination isolating it; with one cell or
    // one difference of two, that means a set of exactly one unknown member
    fc.assert(
      fc.property(arbCells, fc.uniqueArray(fc.constantFrom(...ORGS), { maxLength: 3 }), (cells, knownIds) => {
        const k = 3;
        const known = new Set(knownIds);
        const out = discloseCells(cells, k, known, new Map());
        const shown = cells.filter((c) => out.get(c.key) === null).map((c) => ({ partition: c.partition, ids: new Set(c.members.map((x) => x.organisationId)) }));
        for (const a of shown) {
          expect([...a.ids].filter((id) => !known.has(id)).length).not.toBe(1);
          for (const b of shown) if (a.partition === b.partition) expect(unknownDifference(a.ids, b.ids, known)).not.toBe(1);
        }
      }),
      { numRuns: 300, seed: 88 },
    );
  });

  it('two custom groups differing by one firm never both publish the same metric and period', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...ORGS), { minLength: 5, maxLength: 13 }), fc.constantFrom(...ORGS), (base, extra) => {
        fc.pre(!base.includes(extra));
        const out = discloseCells([cell('a', base), cell('b', [...base, extra])], 5);
        expect(out.get('a') === null && out.get('b') === null).toBe(false);
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});

// ───────────── combinations of cells: what an outside attack did to the first version ─────────────

describe('a cell withheld by rule 1 or 3 never comes back as a combination of shown ones', () => {
  // the whole consortium minus two NAICS groups gives the third, withheld for its 3 firms; the
  // size bands and regions cut those 3 into atoms of their own, so no row of the echelon form
  // was their plain sum and every cell was shown (found by a random search; an outside attack
  // did the same with size bands in the demo)
  const band = [2, 0, 0, 0, 1, 2, 1, 3, 3, 3, 3, 2, 3, 0, 0, 2, 3, 1, 1, 3, 0, 3, 0, 1, 1, 2, 1, 1, 3, 2, 3];
  const naics = [1, 0, 1, 0, 2, 1, 1, 1, 1, 2, 2, 2, 2, 1, 2, 1, 2, 2, 1, 1, 2, 2, 1, 2, 1, 1, 2, 2, 2, 0, 1];
  const region = [1, 2, 1, 0, 1, 1, 1, 2, 1, 1, 0, 0, 1, 2, 2, 2, 0, 0, 0, 1, 0, 0, 0, 1, 0, 2, 1, 2, 0, 1, 2];
  const all = firms(band.length);
  const groups = (name: string, attr: number[]): DisclosureCell[] =>
    [...new Set(attr)].sort().map((v) => ({ key: `${name}${v}`, partition: 'OTD/2026-Q1', members: all.filter((_, i) => attr[i] === v).map((id, i) => m(id, 10 + i)) }));
  const cells = [{ key: 'whole', partition: 'OTD/2026-Q1', members: all.map((id, i) => m(id, 10 + i)) }, ...groups('band', band), ...groups('naics', naics), ...groups('region', region)];
  const small = all.filter((_, i) => naics[i] === 0);

  it('suppresses one more cell, so that the withheld group cannot be worked out', () => {
    expect(small).toHaveLength(3);
    const out = discloseCells(cells, 5);
    expect(out.get('naics0')).toBe('fewer_than_k');
    const shown = cells.filter((c) => out.get(c.key) === null);
    expect(shown.length).toBe(cells.length - 2);
    expect(derivableSum(shown, small)).toBe(false);
  });

  it('decides a supply base against the public cells so that it does not give the withheld group either', () => {
    const byKey = new Map(cells.map((c) => [c.key, c]));
    const fixed = ['whole', 'naics1', 'band0', 'band1', 'band2', 'band3', 'region0', 'region1', 'region2'].map((key) => ({ ...(byKey.get(key) as DisclosureCell), fixed: true }));
    // a customer whose supply base is exactly the second NAICS group's firms
    const base = { ...(byKey.get('naics2') as DisclosureCell), key: 'base' };
    expect(derivableSum(fixed, small)).toBe(false);
    expect(derivableSum([...fixed, base], small)).toBe(true);
    expect(new FixedCells(fixed, [byKey.get('naics0') as DisclosureCell]).decide(base, 5)).toBe('differencing');
    expect(discloseCells([...fixed, byKey.get('naics0') as DisclosureCell, base], 5).get('base')).toBe('differencing');
  });
});

describe('rule 4 over combinations of cells, not only pairs', () => {
  const k = 5;
  it('the whole minus every size band but one gives that band: a band of one firm cannot be worked out', () => {
    const whole = cell('whole', firms(20));
    const bands = [cell('b1', firms(6)), cell('b2', firms(6, 6)), cell('b3', firms(7, 12)), cell('b4', firms(1, 19))];
    const out = discloseCells([whole, ...bands], k);
    expect(out.get('b4')).toBe('fewer_than_k');
    // one more band goes (the smallest), not the whole: whole − b2 − b3 is then b1 + b4, 7 firms
    expect(out.get('whole')).toBeNull();
    expect([out.get('b1'), out.get('b2'), out.get('b3')].filter((x) => x === 'differencing')).toHaveLength(1);
  });

  it('two partitions crossed (size band × NAICS): a firm alone in its crossing is not solved for', () => {
    // bands L, M, S × NAICS X, Y, Z; crossings (L,X) = A, (L,Y) = {f}, (M,X) = B, (M,Z) = C, (S,Y) = D,
    // (S,W) = E, five firms each but f. Every pair of cells differs by ≥ 5 firms, yet L − X + M − Z = f (and Y − S + W = f).
    const [A, B, C, D, E] = [firms(5, 0), firms(5, 5), firms(5, 10), firms(5, 15), firms(5, 20)] as [string[], string[], string[], string[], string[]];
    const f = 'target';
    const cells = [cell('L', [f, ...A]), cell('M', [...B, ...C]), cell('S', [...D, ...E]), cell('X', [...A, ...B]), cell('Y', [f, ...D]), cell('Z', C), cell('W', E)];
    for (const a of cells)
      for (const b of cells) if (a !== b) expect(unknownDifference(new Set(a.members.map((x) => x.organisationId)), new Set(b.members.map((x) => x.organisationId)), new Set())).toBeGreaterThanOrEqual(5);
    expect(recoverable(cells, new Set())).toEqual([f]);
    const out = discloseCells(cells, k);
    const shown = cells.filter((c) => out.get(c.key) === null);
    expect(shown.length).toBeLessThan(cells.length);
    expect(recoverable(shown, new Set())).toEqual([]);
  });

  it('overlapping custom groups cannot be solved as equations', () => {
    // three groups of 6 over 7 firms: each misses one; sums give every firm
    const seven = firms(7);
    const cells = [0, 1, 2, 3, 4, 5, 6].map((i) => cell(`g${i}`, seven.filter((_, j) => j !== i)));
    const out = discloseCells([...cells, cell('all', seven)], k);
    const shown = [...cells, cell('all', seven)].filter((c) => out.get(c.key) === null);
    expect(recoverable(shown, new Set())).toEqual([]);
  });

  it('a cell released before stays in the checks and is never the one suppressed', () => {
    const released: DisclosureCell = { ...cell('old', firms(6)), fixed: true };
    const out = discloseCells([released, cell('new', firms(5))], k);
    expect(out.get('old')).toBeNull();
    expect(out.get('new')).toBe('differencing');
    // released, now suppressed (its population changed), its figures still count as out
    const gone = discloseCells([released, cell('new', firms(5))], k, new Set(), new Map([['old', 'differencing' as const]]));
    expect(gone.get('new')).toBe('differencing');
  });

  it('a leak made of released cells alone suppresses nothing else', () => {
    const a: DisclosureCell = { ...cell('a', firms(6)), fixed: true };
    const b: DisclosureCell = { ...cell('b', firms(5)), fixed: true };
    const out = discloseCells([a, b, cell('far', firms(20, 30))], k);
    expect(out.get('far')).toBeNull();
  });
});

/** Firms a reader knowing `known` could work out from the totals of the cells shown (test/support's independent oracle). */
const recoverable = (shown: readonly DisclosureCell[], known: ReadonlySet<string>): string[] =>
  recoverableFrom(shown.map((c) => new Set(c.members.map((x) => x.organisationId))), known);

describe('property: no single firm is recoverable by any combination of what is shown', () => {
  it('public and viewer-aware decisions, random cells over 12 firms', () => {
    fc.assert(
      fc.property(arbCells, fc.integer({ min: 3, max: 5 }), fc.uniqueArray(fc.constantFrom(...ORGS), { maxLength: 4 }), (cells, k, knownIds) => {
        const known = new Set(knownIds);
        const publicOut = discloseCells(cells, k);
        const stored = new Map([...publicOut].filter((e): e is [string, NonNullable<(typeof e)[1]>] => e[1] !== null));
        for (const [viewer, out] of [[new Set<string>(), publicOut], [known, discloseCells(cells, k, known, stored)]] as const) {
          for (const partition of ['OTD', 'PPM']) {
            const shown = cells.filter((c) => c.partition === partition && out.get(c.key) === null);
            expect(recoverable(shown, viewer)).toEqual([]);
            // nor a cell withheld by rule 1 or 3: its unknown members' sum is out of reach
            const unknownOf = (c: DisclosureCell) => c.members.map((x) => x.organisationId).filter((id) => !viewer.has(id));
            const reach = shown.map((c) => ({ ...c, members: c.members.filter((x) => !viewer.has(x.organisationId)) }));
            const withheld = cells.filter((c) => c.partition === partition && (out.get(c.key) === 'fewer_than_k' || out.get(c.key) === 'dominated') && unknownOf(c).length > 0);
            for (const c of withheld) expect({ cell: c.key, derivable: derivableSum(reach, unknownOf(c)) }).toEqual({ cell: c.key, derivable: false });
          }
        }
      }),
      { numRuns: 300, seed: 808 },
    );
  });
});

describe('disclosureCellsOf: a period\'s cells from its groups\' members and its metrics\' figures', () => {
  const figures = (rows: [string, number, number | null, number | null][]) => new Map(rows.map(([id, value, numerator, denominator]) => [id, { value, numerator, denominator }]));
  const partitions = new Map([
    ['otd', { isRatio: true, minValue: 0, maxValue: 100, figures: figures([['a', 90, 9, 10], ['c', 50, 5, null]]) }],
    ['lead', { isRatio: false, minValue: null, maxValue: null, figures: figures([['b', 12, null, null], ['a', 3, null, null], ['c', 7, null, null]]) }],
  ]);
  const groups = new Map([
    ['all', ['a', 'b', 'c']],
    ['two', ['b', 'c']],
  ]);

  it('gives each cell the members of its group that have a figure of its metric, in the group\'s order, with their contributions and the metric\'s bounds', () => {
    const cells = disclosureCellsOf(
      [
        { key: 'otd-all', partition: 'otd', groupId: 'all' },
        { key: 'lead-all', partition: 'lead', groupId: 'all' },
        { key: 'otd-two', partition: 'otd', groupId: 'two' },
        { key: 'lead-gone', partition: 'lead', groupId: 'no-longer-a-group' },
        { key: 'disabled', partition: 'no-figures', groupId: 'all' },
      ],
      groups,
      partitions,
    );
    expect(cells.map((c) => ({ key: c.key, partition: c.partition, members: c.members.map((m) => [m.organisationId, ...m.contributions]), bounds: c.bounds }))).toEqual([
      { key: 'otd-all', partition: 'otd', members: [['a', 90, 9, 10], ['c', 50, 5, 0]], bounds: [{ min: 0, max: 100, distribution: true }] },
      { key: 'lead-all', partition: 'lead', members: [['a', 3], ['b', 12], ['c', 7]], bounds: [{ min: null, max: null, distribution: true }] },
      { key: 'otd-two', partition: 'otd', members: [['c', 50, 5, 0]], bounds: [{ min: 0, max: 100, distribution: true }] },
      { key: 'lead-gone', partition: 'lead', members: [], bounds: [{ min: null, max: null, distribution: true }] },
      { key: 'disabled', partition: 'no-figures', members: [], bounds: [{ min: null, max: null, distribution: true }] },
    ]);
    // one object per member and metric, whatever the number of its cells
    expect(cells[0]?.members[1]).toBe(cells[2]?.members[0]);
  });
});
