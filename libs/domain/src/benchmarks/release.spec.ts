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
