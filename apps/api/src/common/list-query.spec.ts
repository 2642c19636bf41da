import { DomainError } from '@tandem/server';
import { containsText, parseListQuery, type ListSpec } from './list-query';

const SPEC: ListSpec = {
  sortable: ['createdAt', 'periodStartsOn'],
  sortAs: { periodStartsOn: (dir) => ({ period: { startsOn: dir } }) },
  defaultSort: ['createdAt', 'desc'],
  filters: {
    status: { type: 'enum', values: ['draft', 'submitted'] },
    periodStartsOnLte: { type: 'date', where: (day) => ({ period: { startsOn: { lte: day } } }) },
    day: { type: 'date' },
  },
};

function fieldErrors(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return [...(error.errors ?? [])];
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('parseListQuery', () => {
  it('sorts by a relation column through sortAs, with the id as tie-breaker', () => {
    const page = parseListQuery({ sort: '["periodStartsOn","DESC"]' }, SPEC);
    expect(page.orderBy).toEqual([{ period: { startsOn: 'desc' } }, { id: 'asc' }]);
  });

  it('sorts by a plain column by name', () => {
    expect(parseListQuery({ sort: '["createdAt","ASC"]' }, SPEC).orderBy).toEqual([{ createdAt: 'asc' }, { id: 'asc' }]);
  });

  it('turns a date filter into its condition on the day (UTC midnight)', () => {
    const page = parseListQuery({ filter: JSON.stringify({ periodStartsOnLte: '2027-01-01' }) }, SPEC);
    expect(page.where).toEqual({ AND: [{ period: { startsOn: { lte: new Date('2027-01-01T00:00:00Z') } } }] });
    expect(parseListQuery({ filter: JSON.stringify({ day: '2026-02-28' }) }, SPEC).where).toEqual({ AND: [{ day: new Date('2026-02-28T00:00:00Z') }] });
  });

  it.each([['2026-02-30'], ['2026-2-1'], ['yesterday'], [20260101], [['2026-01-01', '2026-02-01']]])('refuses %j as a day, naming the filter', (value) => {
    expect(fieldErrors(() => parseListQuery({ filter: JSON.stringify({ periodStartsOnLte: value }) }, SPEC))).toEqual([
      { path: 'filter.periodStartsOnLte', message: 'must be a day, YYYY-MM-DD' },
    ]);
  });

  it('reports every bad part of a query at once', () => {
    const errors = fieldErrors(() => parseListQuery({ sort: '["nope","ASC"]', filter: JSON.stringify({ status: 'gone', day: 'x' }) }, SPEC));
    expect(errors.map((e) => e.path).sort()).toEqual(['filter.day', 'filter.status', 'sort']);
  });
});

describe('containsText', () => {
  it('escapes LIKE wildcards and the escape character, so they match themselves', () => {
    expect(containsText('100%_a\\b')).toEqual({ contains: '100\\%\\_a\\\\b', mode: 'insensitive' });
    expect(containsText('acme', 'as-stored')).toEqual({ contains: 'acme', mode: 'default' });
  });
});
