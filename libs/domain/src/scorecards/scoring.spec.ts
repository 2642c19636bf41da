import type { ScorecardThreshold, StandingRule } from '@tandem/contracts';
import {
  computeScorecard,
  coverageOf,
  opensCorrectiveAction,
  pickValue,
  scoreValue,
  standingFor,
  validateStandings,
  validateThresholds,
  validateWeight,
  weightedScore,
} from './scoring';

const OTD: ScorecardThreshold[] = [
  { atLeast: 98, score: 100 },
  { atLeast: 95, score: 80 },
  { atLeast: 90, score: 50 },
  { atLeast: 0, score: 0 },
];
const PPM: ScorecardThreshold[] = [
  { atMost: 50, score: 100 },
  { atMost: 200, score: 70 },
  { atMost: 1000, score: 30 },
];
const STANDINGS: StandingRule[] = [
  { standing: 'preferred', minScore: 85 },
  { standing: 'approved', minScore: 70 },
  { standing: 'development', minScore: 50 },
  { standing: 'probation', minScore: 0 },
];

describe('scoreValue', () => {
  it('scores higher-is-better values by the first atLeast they meet', () => {
    expect(scoreValue(99.2, OTD)).toBe(100);
    expect(scoreValue(98, OTD)).toBe(100);
    expect(scoreValue(97.99, OTD)).toBe(80);
    expect(scoreValue(90, OTD)).toBe(50);
    expect(scoreValue(12, OTD)).toBe(0);
  });
  it('scores lower-is-better values by the first atMost they meet, 0 past the last', () => {
    expect(scoreValue(10, PPM)).toBe(100);
    expect(scoreValue(50, PPM)).toBe(100);
    expect(scoreValue(50.5, PPM)).toBe(70);
    expect(scoreValue(1000, PPM)).toBe(30);
    expect(scoreValue(5000, PPM)).toBe(0);
  });
});

describe('standingFor', () => {
  it('takes the highest rule the score reaches, whatever order the rules come in', () => {
    const shuffled = [STANDINGS[2], STANDINGS[0], STANDINGS[3], STANDINGS[1]] as StandingRule[];
    expect(standingFor(85, shuffled)).toBe('preferred');
    expect(standingFor(84.99, shuffled)).toBe('approved');
    expect(standingFor(50, shuffled)).toBe('development');
    expect(standingFor(0, shuffled)).toBe('probation');
  });
});

describe('weightedScore', () => {
  it('renormalises weights and rounds half-up to 2 decimals, exactly', () => {
    expect(weightedScore([{ weight: 2, score: 100 }, { weight: 1, score: 50 }])).toBe(83.33);
    expect(weightedScore([{ weight: 1, score: 100 }, { weight: 2, score: 50 }])).toBe(66.67);
    // 0.5 hundredth exactly: rounds up, as PostgreSQL's round(numeric) does
    expect(weightedScore([{ weight: 1, score: 80.01 }, { weight: 1, score: 80 }])).toBe(80.01);
    expect(weightedScore([{ weight: 0.1, score: 70 }, { weight: 0.2, score: 100 }])).toBe(90);
    expect(weightedScore([])).toBeNull();
  });
});

describe('coverageOf', () => {
  it('is the covered share of the weight, half-up to 4 decimals, exactly', () => {
    expect(coverageOf([{ weight: 35, covered: true }, { weight: 35, covered: true }, { weight: 15, covered: false }, { weight: 15, covered: false }])).toBe(0.7);
    expect(coverageOf([{ weight: 1, covered: true }, { weight: 2, covered: false }])).toBe(0.3333);
    expect(coverageOf([{ weight: 2, covered: true }, { weight: 1, covered: false }])).toBe(0.6667);
    // 0.00005 exactly rounds up, as PostgreSQL's round(numeric) does
    expect(coverageOf([{ weight: 0.001, covered: true }, { weight: 19.999, covered: false }])).toBe(0.0001);
    expect(coverageOf([{ weight: 1, covered: false }])).toBe(0);
    expect(coverageOf([])).toBeNull();
  });
});

describe('computeScorecard', () => {
  const criteria = [
    { criterionId: 'c2', metricId: 'm-ppm', metricCode: 'PPM', weight: 1, thresholds: PPM },
    { criterionId: 'c1', metricId: 'm-otd', metricCode: 'OTD', weight: 2, thresholds: OTD },
    { criterionId: 'c3', metricId: 'm-lead', metricCode: 'LEAD_TIME', weight: 5, thresholds: [{ atMost: 10, score: 100 }] },
  ];

  const OPEN = { state: 'open' } as const;
  const CLOSED = { state: 'closed' } as const;

  it('prefers the customer report, skips criteria without a value and orders details by metric code', () => {
    const values = new Map([
      ['m-otd', { customer: 96, self: 99 }],
      ['m-ppm', { self: 150 }],
    ]);
    const result = computeScorecard(criteria, values, STANDINGS, OPEN);
    // open period: (2·80 + 1·70) / 3 = 76.666… → 76.67 over the covered 3 of 8 weight
    expect(result).toEqual({
      score: 76.67,
      standing: 'approved',
      coverage: 0.375,
      provisional: true,
      details: [
        { criterionId: 'c3', metricId: 'm-lead', metricCode: 'LEAD_TIME', weight: 5, value: null, score: null, source: null },
        { criterionId: 'c1', metricId: 'm-otd', metricCode: 'OTD', weight: 2, value: 96, score: 80, source: 'customer' },
        { criterionId: 'c2', metricId: 'm-ppm', metricCode: 'PPM', weight: 1, value: 150, score: 70, source: 'self' },
      ],
    });
  });

  it('gives no scorecard when no criterion has a value', () => {
    expect(computeScorecard(criteria, new Map(), STANDINGS, OPEN)).toBeNull();
    expect(computeScorecard(criteria, new Map(), STANDINGS, CLOSED)).toBeNull();
  });

  it('keeps every standing of an open period provisional, even at full coverage', () => {
    const values = new Map([
      ['m-otd', { self: 99 }],
      ['m-ppm', { self: 10 }],
      ['m-lead', { self: 8 }],
    ]);
    expect(computeScorecard(criteria, values, STANDINGS, OPEN)).toMatchObject({ score: 100, standing: 'preferred', coverage: 1, provisional: true });
    // closing with every criterion covered: the same score, now final
    expect(computeScorecard(criteria, values, STANDINGS, CLOSED)).toMatchObject({ score: 100, standing: 'preferred', coverage: 1, provisional: false });
    expect(computeScorecard(criteria, values, STANDINGS, { state: 'published' })).toMatchObject({ provisional: false });
  });

  it('at the close, scores a criterion without a value 0 and keeps the scorecard provisional (incomplete)', () => {
    // the reported issue: only LEAD_TIME (20 % of the weight) validated
    const template = [
      { criterionId: 'a', metricId: 'm-otd', metricCode: 'OTD', weight: 40, thresholds: OTD },
      { criterionId: 'b', metricId: 'm-ppm', metricCode: 'PPM', weight: 40, thresholds: PPM },
      { criterionId: 'c', metricId: 'm-lead', metricCode: 'LEAD_TIME', weight: 20, thresholds: [{ atMost: 30, score: 70 }] },
    ];
    const leadOnly = new Map([['m-lead', { self: 25 }]]);
    expect(computeScorecard(template, leadOnly, STANDINGS, OPEN)).toMatchObject({ score: 70, standing: 'approved', coverage: 0.2, provisional: true });
    expect(computeScorecard(template, leadOnly, STANDINGS, CLOSED)).toMatchObject({ score: 14, standing: 'probation', coverage: 0.2, provisional: true });
  });

  it('never lets a firm raise its closed score by withholding a bad figure', () => {
    const all = new Map([
      ['m-otd', { self: 91 }], // 50
      ['m-ppm', { self: 5000 }], // 0: the bad figure
      ['m-lead', { self: 8 }], // 100
    ]);
    const withheld = new Map([...all].filter(([metric]) => metric !== 'm-ppm'));
    const reported = computeScorecard(criteria, all, STANDINGS, CLOSED);
    const hidden = computeScorecard(criteria, withheld, STANDINGS, CLOSED);
    // (2·50 + 0 + 5·100) / 8 = 75 either way: the missing PPM counts as the worst score
    expect(reported).toMatchObject({ score: 75, provisional: false });
    expect(hidden).toMatchObject({ score: 75, provisional: true, coverage: 0.875 });
    expect(hidden?.score).toBeLessThanOrEqual(reported?.score ?? 0);
    // whatever the withheld figure was, the closed score without it is never higher
    for (const ppm of [10, 150, 600, 5000]) {
      const withIt = computeScorecard(criteria, new Map([...withheld, ['m-ppm', { self: ppm }]]), STANDINGS, CLOSED);
      expect(hidden?.score).toBeLessThanOrEqual(withIt?.score ?? -1);
    }
  });

  it('pickValue falls back to the self-report', () => {
    expect(pickValue({ customer: null, self: 3 })).toEqual({ value: 3, source: 'self' });
    expect(pickValue(undefined)).toBeNull();
  });
});

describe('opensCorrectiveAction', () => {
  it('opens a plan on falling into development or probation, or starting there', () => {
    expect(opensCorrectiveAction('development', 'approved')).toBe(true);
    expect(opensCorrectiveAction('probation', 'development')).toBe(true);
    expect(opensCorrectiveAction('development', null)).toBe(true);
    expect(opensCorrectiveAction('development', 'development')).toBe(false);
    expect(opensCorrectiveAction('development', 'probation')).toBe(false);
    expect(opensCorrectiveAction('approved', 'preferred')).toBe(false);
  });
});

describe('validation', () => {
  it('accepts the documented threshold and standing shapes', () => {
    expect(validateThresholds(OTD, 'higher')).toEqual([]);
    expect(validateThresholds(PPM, 'lower')).toEqual([]);
    expect(validateStandings(STANDINGS)).toEqual([]);
    expect(validateWeight(1.5)).toEqual([]);
  });

  it('names each malformed threshold', () => {
    expect(validateThresholds([])).toEqual([{ path: 'thresholds', message: expect.stringContaining('non-empty') }]);
    expect(validateThresholds([{ atLeast: 1, atMost: 2, score: 10 }])).toEqual([{ path: 'thresholds.0', message: 'must have exactly one of atLeast or atMost' }]);
    expect(validateThresholds([{ atLeast: 90, score: 101 }])).toEqual([{ path: 'thresholds.0.score', message: 'must be from 0 to 100' }]);
    expect(validateThresholds([{ atLeast: 90, score: 50 }, { atLeast: 95, score: 40 }])[0]?.path).toBe('thresholds.1.atLeast');
    expect(validateThresholds([{ atLeast: 90, score: 50 }, { atLeast: 80, score: 60 }])[0]?.path).toBe('thresholds.1.score');
    expect(validateThresholds([{ atLeast: 90, score: 50 }, { atMost: 80, score: 40 }])[0]?.message).toContain('all thresholds');
    expect(validateThresholds([{ atLeast: 90, score: 50 }], 'lower')[0]?.message).toContain('use atMost');
    expect(validateThresholds([{ atLeast: 90, score: 50, extra: 1 }])).toEqual([{ path: 'thresholds.0.extra', message: 'unknown field' }]);
  });

  it('requires standings that cover 0 and rank in order', () => {
    expect(validateStandings([{ standing: 'preferred', minScore: 85 }])[0]?.message).toContain('minScore 0');
    expect(validateStandings([{ standing: 'preferred', minScore: 0 }, { standing: 'probation', minScore: 50 }])[0]?.message).toContain('needs a higher minScore');
    expect(validateStandings([{ standing: 'excellent', minScore: 0 }])[0]?.path).toBe('standings.0.standing');
    expect(validateStandings([{ standing: 'approved', minScore: 0 }, { standing: 'approved', minScore: 10 }])[0]?.message).toContain('twice');
  });

  it('requires positive weights with at most 3 decimals', () => {
    expect(validateWeight(0)).toEqual([{ path: 'weight', message: 'must be greater than 0' }]);
    expect(validateWeight(-1)[0]?.message).toBe('must be greater than 0');
    expect(validateWeight(1.2345)[0]?.message).toBe('must have at most 3 decimals');
  });
});
