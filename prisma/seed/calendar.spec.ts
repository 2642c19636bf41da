import { DEMO_ACCOUNTS } from './demo-accounts';
import { anchorRows, calendarShift, seedToday, shiftQuarterCode } from './calendar';
import { buildCatalogueAndPeriods, PERFORMANCE_TODAY } from './periods';
import { addDays, day } from './prng';

const REMINDER_DAYS_BEFORE = 7; // the config's default window

/** The quarterly calendar of one consortium as the seed would write it on `today`. */
function periodsOn(today: Date) {
  const { periods } = buildCatalogueAndPeriods(new Map([['glmp', 'c1'], ['fvsn', 'c2']]), new Map([['glmp', day('2019-01-01')], ['fvsn', day('2021-01-01')]]));
  const glmp = periods.filter((p) => p.consortiumId === 'c1');
  anchorRows(glmp, calendarShift(today));
  return glmp.map((p) => ({ code: p.code, startsOn: p.startsOn as Date, endsOn: p.endsOn as Date, dueOn: p.dueOn as Date, state: p.state }));
}

describe('the seed calendar', () => {
  test('SEED_TODAY pins the day; unset, it is today in UTC', () => {
    expect(seedToday({ SEED_TODAY: '2027-03-10' })).toEqual(day('2027-03-10'));
    expect(seedToday({}, new Date('2027-05-06T23:30:00Z'))).toEqual(day('2027-05-06'));
    expect(() => seedToday({ SEED_TODAY: '10/03/2027' })).toThrow(/SEED_TODAY/);
  });

  test('on the story’s own day nothing moves', () => {
    expect(calendarShift(PERFORMANCE_TODAY)).toEqual({ days: 0, quarters: 0 });
    const rows = [{ code: '2026-Q3', at: day('2026-10-01') }];
    anchorRows(rows, calendarShift(PERFORMANCE_TODAY));
    expect(rows).toEqual([{ code: '2026-Q3', at: day('2026-10-01') }]);
  });

  test('quarter codes move across years', () => {
    expect(shiftQuarterCode('2026-Q3', 2)).toBe('2027-Q1');
    expect(shiftQuarterCode('figures of 2025-Q1 restated', -1)).toBe('figures of 2024-Q4 restated');
  });

  test.each(['2026-12-06', '2027-01-01', '2027-02-14', '2027-03-31', '2028-07-19', '2026-10-01'])('seeded on %s: running quarter open, the one before due within the reminder window, then closed, then published', (iso) => {
    const today = day(iso);
    const periods = periodsOn(today);
    const running = periods.find((p) => p.startsOn <= today && today <= p.endsOn);
    expect(running?.state).toBe('open');
    const index = periods.indexOf(running as (typeof periods)[number]);
    const reporting = periods[index - 1];
    expect(reporting.state).toBe('open');
    expect(reporting.endsOn.getTime()).toBeLessThan(today.getTime());
    expect(reporting.dueOn.getTime()).toBeGreaterThan(today.getTime());
    expect(reporting.dueOn.getTime()).toBeLessThanOrEqual(addDays(today, REMINDER_DAYS_BEFORE).getTime());
    expect(periods[index - 2].state).toBe('closed');
    expect(periods.slice(0, index - 2).every((p) => p.state === 'published')).toBe(true);
    // quarters stay calendar quarters
    for (const p of periods) expect(p.startsOn.getUTCDate()).toBe(1);
  });

  test('each demo person has a name of their own (first and last)', () => {
    const names = DEMO_ACCOUNTS.map((a) => a.name.split(' '));
    expect(new Set(names.map((n) => n[0])).size).toBe(names.length);
    expect(new Set(names.map((n) => n.at(-1))).size).toBe(names.length);
  });
});
