import type { ScorecardThreshold, StandingRule } from '@tandem/contracts';
import {
  computeScorecard,
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

describe('computeScorecard', () => {
  const criteria = [
    { criterionId: 'c2', metricId: 'm-ppm', metricCode: 'PPM', weight: 1, thresholds: PPM },
    { criterionId: 'c1', metricId: 'm-otd', metricCode: 'OTD', weight: 2, thresholds: OTD },
    { criterionId: 'c3', metricId: 'm-lead', metricCode: 'LEAD_TIME', weight: 5, thresholds: [{ atMost: 10, score: 100 }] },
  ];

  it('prefers the customer report, skips criteria without a value and orders details by metric code', () => {
    const values = new Map([
      ['m-otd', { customer: 96, self: 99 }],
      ['m-ppm', { self: 150 }],
    ]);
    const result = computeScorecard(criteria, values, STANDINGS);
    // (2·80 + 1·70) / 3 = 76.666… → 76.67
    expect(result).toEqual({
      score: 76.67,
      standing: 'approved',
      details: [
        { criterionId: 'c3', metricId: 'm-lead', metricCode: 'LEAD_TIME', weight: 5, value: null, score: null, source: null },
        { criterionId: 'c1', metricId: 'm-otd', metricCode: 'OTD', weight: 2, value: 96, score: 80, source: 'customer' },
        { criterionId: 'c2', metricId: 'm-ppm', metricCode: 'PPM', weight: 1, value: 150, score: 70, source: 'self' },
      ],
    });
  });

  it('gives no scorecard when no criterion has a value', () => {
    expect(computeScorecard(criteria, new Map(), STANDINGS)).toBeNull();
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
