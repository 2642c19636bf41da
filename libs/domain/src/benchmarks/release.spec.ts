import fc from 'fast-check';
import { decidePeriod, type PeriodCell } from './release';

const members = (ids: string[]) => ids.map((id, i) => ({ organisationId: id, contributions: [90 + i] }));
const firms = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `f${i + from}`);
const cell = (key: string, kind: string, ids: string[], released: string[] | null = null): PeriodCell => ({
  key,
  partition: 'OTD',
  kind,
  members: members(ids),
  released: released !== null,
  releasedMembers: released ?? [],
});

describe('the public decision of a period', () => {
  it('a supply base and a custom group of nine are shown (to their readers) when nothing subtracts them', () => {
    const out = decidePeriod([cell('whole', 'consortium', firms(20)), cell('sb', 'supply_base', firms(9)), cell('cg', 'custom', firms(9, 3))], 5);
    expect(out).toEqual(new Map([['whole', null], ['sb', null], ['cg', null]]));
  });

  it('a supply base one firm short of the whole is the one withheld; the public whole stays', () => {
    const out = decidePeriod([cell('whole', 'consortium', firms(12)), cell('sb', 'supply_base', firms(11))], 5);
    expect(out.get('whole')).toBeNull();
    expect(out.get('sb')).toBe('differencing');
  });

  it('a released cell whose members changed is withheld, and still counts as out for the others', () => {
    const out = decidePeriod([cell('naics', 'naics', firms(7), firms(6)), cell('whole', 'consortium', firms(12), firms(12))], 5);
    expect(out.get('naics')).toBe('differencing');
    expect(out.get('whole')).toBeNull();
  });

  it('custom groups are decided alone: staff read them, nobody else', () => {
    const out = decidePeriod([cell('whole', 'consortium', firms(12)), cell('cg', 'custom', firms(11)), cell('small', 'custom', firms(3))], 5);
    expect(out.get('cg')).toBeNull();
    expect(out.get('small')).toBe('fewer_than_k');
  });
});

// ───────────── the supply-base pass: splitting the public atoms decides as rebuilding does ─────────────

const ORGS = firms(16);
const KINDS = ['consortium', 'naics', 'size_band', 'region'] as const;
const arbSet = fc.uniqueArray(fc.constantFrom(...ORGS), { minLength: 1, maxLength: ORGS.length });
/** A cell's members now and, when released, as released: the same, one firm fewer, or one more. */
const arbRelease = fc.option(fc.constantFrom('same', 'lost', 'gained'), { nil: null });

const arbPeriod = fc
  .record({
    k: fc.integer({ min: 2, max: 5 }),
    // per firm: NAICS, size band, region (the public partitions), and its values per metric
    attrs: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 })), { minLength: ORGS.length, maxLength: ORGS.length }),
    values: fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null, freq: 6 }), { minLength: ORGS.length, maxLength: ORGS.length }), { minLength: 2, maxLength: 2 }),
    extraPublic: fc.array(fc.record({ kind: fc.constantFrom(...KINDS), ids: arbSet }), { maxLength: 3 }),
    releases: fc.array(arbRelease, { minLength: 40, maxLength: 40 }),
    supplyBases: fc.array(fc.record({ ids: arbSet, release: arbRelease }), { minLength: 2, maxLength: 6 }),
    custom: fc.array(arbSet, { maxLength: 2 }),
  })
  .map(({ k, attrs, values, extraPublic, releases, supplyBases, custom }) => {
    const groups: { key: string; kind: string; ids: string[]; release: 'same' | 'lost' | 'gained' | null }[] = [];
    const byAttr = (name: string, kind: string, of: (a: [number, number, number]) => number, count: number): void => {
      for (let v = 0; v < count; v++) groups.push({ key: `${name}${v}`, kind, ids: ORGS.filter((_, i) => of(attrs[i] as [number, number, number]) === v), release: null });
    };
    groups.push({ key: 'whole', kind: 'consortium', ids: ORGS, release: null });
    byAttr('naics', 'naics', (a) => a[0], 3);
    byAttr('band', 'size_band', (a) => a[1], 3);
    byAttr('region', 'region', (a) => a[2], 2);
    extraPublic.forEach((g, i) => groups.push({ key: `extra${i}`, kind: g.kind, ids: g.ids, release: null }));
    groups.forEach((g, i) => (g.release = releases[i] ?? null));
    supplyBases.forEach((g, i) => groups.push({ key: `sb${i}`, kind: 'supply_base', ids: g.ids, release: g.release }));
    custom.forEach((ids, i) => groups.push({ key: `custom${i}`, kind: 'custom', ids, release: null }));
    const cells: PeriodCell[] = [];
    values.forEach((metric, p) => {
      const withValue = (id: string): boolean => metric[ORGS.indexOf(id)] !== null;
      // a ratio metric in one partition: three totals
      const contributions = (id: string): number[] => {
        const v = metric[ORGS.indexOf(id)] ?? 0;
        return p === 0 ? [v] : [v, (v * 7) % 101, 50 + (v % 13)];
      };
      for (const g of groups) {
        const ids = g.ids.filter(withValue);
        if (ids.length === 0) continue;
        const outsider = ORGS.find((id) => !ids.includes(id));
        const released = g.release === null ? null : g.release === 'same' ? ids : g.release === 'lost' ? ids.slice(1) : outsider ? [...ids, outsider] : ids;
        cells.push({
          key: `${g.key}/${p}`,
          partition: `m${p}`,
          kind: g.kind,
          members: ids.map((id) => ({ organisationId: id, contributions: contributions(id) })),
          released: released !== null,
          releasedMembers: released ?? [],
        });
      }
    });
    return { k, cells };
  });

describe('the supply-base pass', () => {
  it('splitting the public atoms per supply base decides every cell as rebuilding the whole system does', () => {
    let suppressedSupplyBases = 0;
    fc.assert(
      fc.property(arbPeriod, ({ k, cells }) => {
        const split = decidePeriod(cells, k, 'split');
        expect(split).toEqual(decidePeriod(cells, k, 'rebuild'));
        suppressedSupplyBases += cells.filter((c) => c.kind === 'supply_base' && split.get(c.key) === 'differencing').length;
      }),
      { numRuns: 400, seed: 2026 },
    );
    // the instances reach the case that matters: supply bases withheld by difference with public cells
    expect(suppressedSupplyBases).toBeGreaterThan(50);
  });

  it('a supply base no public cell covers (every public cell withheld) is decided on its own members', () => {
    const cells = [cell('whole', 'consortium', firms(3)), cell('sb', 'supply_base', firms(6, 10)), cell('sb2', 'supply_base', firms(5, 10))];
    expect(decidePeriod(cells, 5, 'split')).toEqual(decidePeriod(cells, 5, 'rebuild'));
    expect(decidePeriod(cells, 5).get('sb')).toBeNull();
  });
});
