import {
  addIsoDays,
  canMovePeriod,
  canReopenPeriod,
  checkPeriodDates,
  checkPeriodKind,
  collectionFrequency,
  generateCalendar,
  isCollectedIn,
  isIsoDate,
  isPeriodLocked,
  parsePeriodCode,
  periodBounds,
  periodKindsOf,
  previousPeriodCode,
} from './calendar';

describe('period codes', () => {
  it('parses quarters and months into calendar dates', () => {
    expect(parsePeriodCode('2026-Q1')).toEqual({ code: '2026-Q1', kind: 'quarter', year: 2026, index: 1, startsOn: '2026-01-01', endsOn: '2026-03-31' });
    expect(parsePeriodCode('2026-Q4')).toMatchObject({ startsOn: '2026-10-01', endsOn: '2026-12-31' });
    expect(parsePeriodCode('2026-02')).toMatchObject({ kind: 'month', startsOn: '2026-02-01', endsOn: '2026-02-28' });
    expect(parsePeriodCode('2028-02')).toMatchObject({ endsOn: '2028-02-29' });
    expect(parsePeriodCode('2026-12')).toMatchObject({ startsOn: '2026-12-01', endsOn: '2026-12-31' });
  });

  it('rejects malformed codes', () => {
    for (const bad of ['2026-Q5', '2026-Q0', '2026-13', '2026-00', '26-Q1', '2026Q1', '2026-q1', '2026-1', ' 2026-Q1', '1200-Q1', '']) {
      expect(parsePeriodCode(bad)).toBeNull();
    }
  });

  it('finds the previous period across year ends', () => {
    expect(previousPeriodCode('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriodCode('2026-Q3')).toBe('2026-Q2');
    expect(previousPeriodCode('2026-01')).toBe('2025-12');
    expect(previousPeriodCode('2026-10')).toBe('2026-09');
    expect(previousPeriodCode('nope')).toBeNull();
  });
});

describe('calendar generation', () => {
  it('generates four quarters due a number of days after they end', () => {
    const q = generateCalendar(2026, 'quarter', 30);
    expect(q.map((p) => p.code)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(q[0]).toMatchObject({ startsOn: '2026-01-01', endsOn: '2026-03-31', dueOn: '2026-04-30' });
    expect(q[3]).toMatchObject({ startsOn: '2026-10-01', endsOn: '2026-12-31', dueOn: '2027-01-30' });
  });

  it('generates twelve contiguous months', () => {
    const m = generateCalendar(2024, 'month', 0);
    expect(m).toHaveLength(12);
    for (let i = 1; i < m.length; i++) expect(m[i]!.startsOn).toBe(addIsoDays(m[i - 1]!.endsOn, 1));
    expect(m[1]).toMatchObject({ code: '2024-02', endsOn: '2024-02-29', dueOn: '2024-02-29' });
  });

  it('bounds are contiguous quarters', () => {
    expect(addIsoDays(periodBounds('quarter', 2026, 2).endsOn, 1)).toBe(periodBounds('quarter', 2026, 3).startsOn);
  });
});

describe('dates and states', () => {
  it('checks ISO dates strictly', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
  });

  it('orders start, end and due dates', () => {
    expect(checkPeriodDates('2026-01-01', '2026-03-31', '2026-04-30')).toEqual([]);
    expect(checkPeriodDates('2026-04-01', '2026-03-31', '2026-03-01').map((e) => e.path)).toEqual(['endsOn', 'dueOn']);
  });

  it('moves open → closed → published only', () => {
    expect(canMovePeriod('open', 'closed')).toBe(true);
    expect(canMovePeriod('closed', 'published')).toBe(true);
    expect(canMovePeriod('open', 'published')).toBe(false);
    expect(canMovePeriod('closed', 'closed')).toBe(false);
    expect(canMovePeriod('published', 'open')).toBe(false);
    expect(isPeriodLocked('open')).toBe(false);
    expect(isPeriodLocked('closed')).toBe(true);
  });
});

describe('reopening', () => {
  it('reopens a closed period only: an open one is open, a published one final', () => {
    expect(canReopenPeriod('closed')).toBe(true);
    expect(canReopenPeriod('open')).toBe(false);
    expect(canReopenPeriod('published')).toBe(false);
  });
});

describe('the reporting calendar and metric frequencies', () => {
  it('runs quarters only in a quarterly calendar, months and quarters in a monthly one', () => {
    expect(periodKindsOf('quarterly')).toEqual(['quarter']);
    expect(periodKindsOf('monthly')).toEqual(['month', 'quarter']);
  });

  it('collects every metric per quarter in a quarterly calendar, each at its own frequency in a monthly one', () => {
    expect(collectionFrequency('monthly', 'quarterly')).toBe('quarterly');
    expect(collectionFrequency('quarterly', 'quarterly')).toBe('quarterly');
    expect(collectionFrequency('monthly', 'monthly')).toBe('monthly');
    expect(collectionFrequency('quarterly', 'monthly')).toBe('quarterly');
    // OTD (monthly) is expected in a quarter of a quarterly consortium, not in a quarter of a monthly one
    expect(isCollectedIn('monthly', 'quarterly', 'quarter')).toBe(true);
    expect(isCollectedIn('monthly', 'monthly', 'quarter')).toBe(false);
    expect(isCollectedIn('monthly', 'monthly', 'month')).toBe(true);
    expect(isCollectedIn('quarterly', 'monthly', 'month')).toBe(false);
  });

  it('refuses a month in a quarterly calendar, naming the field', () => {
    expect(checkPeriodKind('quarterly', 'month', 'code', '2026-11')).toEqual({
      path: 'code',
      message: 'the consortium reports quarterly: 2026-11 is a month; its calendar has quarters only',
    });
    expect(checkPeriodKind('quarterly', 'month', 'kind')?.path).toBe('kind');
    expect(checkPeriodKind('quarterly', 'quarter', 'code', '2026-Q4')).toBeNull();
    expect(checkPeriodKind('monthly', 'month', 'code', '2026-11')).toBeNull();
    expect(checkPeriodKind('monthly', 'quarter', 'code', '2026-Q4')).toBeNull();
  });
});
