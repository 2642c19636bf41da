import { cellStatistics, mean, percentileCont, percentileRank, pooledRatio, quartileOf, releasedRank } from './statistics';
import { SIZE_BANDS, sizeBandOf, sizeBandSql } from './size-bands';

describe('percentileCont (PostgreSQL / R type 7)', () => {
  it('interpolates between order statistics, odd and even n', () => {
    expect(percentileCont([3, 1, 2], 0.5)).toBe(2);
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
    // h = 0.25 × 3 = 0.75 → 1 + 0.75 × (2 − 1)
    expect(percentileCont([4, 3, 2, 1], 0.25)).toBe(1.75);
    expect(percentileCont([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(percentileCont([10, 20, 30, 40, 50], 0.25)).toBe(20);
  });
  it('handles ties, one value and none', () => {
    expect(percentileCont([5, 5, 5, 9], 0.5)).toBe(5);
    expect(percentileCont([7], 0.9)).toBe(7);
    expect(percentileCont([], 0.5)).toBeNull();
    expect(() => percentileCont([1], 1.5)).toThrow(RangeError);
  });
});

describe('cell statistics', () => {
  it('gives p10/p90 only from n = 10 on', () => {
    const nine = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(cellStatistics(nine)).toMatchObject({ n: 9, median: 5, p10: null, p90: null, mean: 5 });
    const ten = [...nine, 10];
    // h = 0.1 × 9 = 0.9 → 1.9; h = 8.1 → 9.1
    const s = cellStatistics(ten);
    expect(s.p10).toBeCloseTo(1.9, 10);
    expect(s.p90).toBeCloseTo(9.1, 10);
    expect(s.median).toBe(5.5);
  });
  it('mean and pooled ratio (Σnum / Σden, never an average of ratios)', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
    // 9/10 and 1/90 → average 45.6 %, pooled 10 %
    expect(pooledRatio([{ numerator: 9, denominator: 10 }, { numerator: 1, denominator: 90 }], 100)).toBe(10);
    expect(pooledRatio([{ numerator: 1, denominator: 0 }])).toBeNull();
  });
});

describe('percentile rank: 100 is best whatever the direction', () => {
  const group = [10, 20, 20, 30, 40];
  it('higher is better: strictly worse plus half the ties, self included', () => {
    expect(percentileRank(40, group, 'higher')).toBe(90); // (4 + 0.5) / 5
    expect(percentileRank(20, group, 'higher')).toBe(40); // (1 + 0.5 × 2) / 5
    expect(percentileRank(10, group, 'higher')).toBe(10);
  });
  it('as members read it, a peer with the same value counts as better: a tie looks like a better peer', () => {
    expect(releasedRank(20, group, 'higher')).toBe(30); // (1 + 0.5) / 5: the other 20 counts as better
    expect(releasedRank(20, [10, 20, 25, 30, 40], 'higher')).toBe(30); // the same as a peer just above
    expect(releasedRank(40, group, 'higher')).toBe(90);
    expect(releasedRank(20, group, 'lower')).toBe(50); // (2 + 0.5) / 5
  });
  it('lower is better mirrors it', () => {
    expect(percentileRank(10, group, 'lower')).toBe(90);
    expect(percentileRank(20, group, 'lower')).toBe(60); // 30 and 40 worse: (2 + 1) / 5
    expect(percentileRank(40, group, 'lower')).toBe(10);
  });
  it('all tied is the middle', () => {
    expect(percentileRank(5, [5, 5, 5], 'higher')).toBe(50);
  });
  it('quartile 1 is best', () => {
    expect([100, 75, 74.99, 50, 49, 25, 24.9, 0].map(quartileOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });
});

describe('size bands', () => {
  it('are the bands of benchmarks.md', () => {
    expect(SIZE_BANDS.map((b) => b.code)).toEqual(['1-19', '20-99', '100-499', '500+']);
    expect([8, 19, 20, 99, 100, 499, 500, 900].map((n) => sizeBandOf(n)?.code)).toEqual(['1-19', '1-19', '20-99', '20-99', '100-499', '100-499', '500+', '500+']);
    expect(sizeBandOf(0)).toBeNull();
    expect(sizeBandOf(null)).toBeNull();
  });
  it('has a SQL twin naming the same bands', () => {
    expect(sizeBandSql('e')).toBe(`(CASE WHEN e >= 1 AND e <= 19 THEN '1-19' WHEN e >= 20 AND e <= 99 THEN '20-99' WHEN e >= 100 AND e <= 499 THEN '100-499' WHEN e >= 500 THEN '500+' END)`);
  });
});
