import fc from 'fast-check';
import type { SessionTraining } from '../commitments/fulfilment';
import { decideTrainingFigures, derivedTrainingValues, firmFigures, shareOfYear, type FirmFigures } from './figures';

const group = (g: Partial<SessionTraining>): SessionTraining => ({
  sessionId: null,
  enrolled: 0,
  enrolmentHours: 0,
  enrolmentCost: 0,
  activityParticipants: 0,
  activityHours: 0,
  activityCost: 0,
  ...g,
});

describe('derivedTrainingValues', () => {
  // a session: 4 enrolled (8 h each, $500 a seat) and the same session logged in bulk with 10
  // participants (80 h, $5 000): 6 uncovered participants add 60 % of it; plus bulk 5 × 4 h, $1 000
  const groups = [group({ sessionId: 's', enrolled: 4, enrolmentHours: 32, enrolmentCost: 2000, activityParticipants: 10, activityHours: 80, activityCost: 5000 }), group({ activityParticipants: 5, activityHours: 20, activityCost: 1000 })];

  it('counts enrolments and activities once, per frontline worker and as % of the prorated payroll (hand-computed)', () => {
    const out = derivedTrainingValues({ frontline: groups, all: groups, workforce: [{ year: 2026, frontlineHeadcount: 10, payroll: 1_000_000 }], year: 2026, shareOfYear: 0.25 });
    // hours 32 + 48 + 20 = 100 over 10 workers; spend 2000 + 3000 + 1000 = 6000 over 250 000
    expect(out.TRAIN_HRS).toEqual({ numerator: 100, denominator: 10, value: 10 });
    expect(out.TRAIN_SPEND).toEqual({ numerator: 6000, denominator: 250_000, value: 2.4 });
  });

  it('uses the latest workforce year up to the period’s, never a later one, and gives nothing without one', () => {
    const wf = [{ year: 2025, frontlineHeadcount: 20, payroll: 400_000 }, { year: 2027, frontlineHeadcount: 1, payroll: 1 }];
    expect(derivedTrainingValues({ frontline: groups, all: groups, workforce: wf, year: 2026, shareOfYear: 1 }).TRAIN_HRS?.denominator).toBe(20);
    expect(derivedTrainingValues({ frontline: groups, all: groups, workforce: [], year: 2026, shareOfYear: 1 })).toEqual({ TRAIN_HRS: null, TRAIN_SPEND: null });
  });

  it('is a pure function of its inputs: twice gives the same values, and they stay within the catalogue ranges', () => {
    const arbGroup = fc.record({
      sessionId: fc.option(fc.constantFrom('a', 'b'), { nil: null }),
      enrolled: fc.nat(50),
      enrolmentHours: fc.nat(2000),
      enrolmentCost: fc.nat(100_000),
      activityParticipants: fc.nat(50),
      activityHours: fc.nat(2000),
      activityCost: fc.nat(100_000),
    });
    fc.assert(
      fc.property(fc.array(arbGroup, { maxLength: 6 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 10_000_000 }), (gs, headcount, payroll) => {
        const input = { frontline: gs, all: gs, workforce: [{ year: 2026, frontlineHeadcount: headcount, payroll }], year: 2026, shareOfYear: 0.25 };
        const a = derivedTrainingValues(input);
        expect(derivedTrainingValues(input)).toEqual(a);
        expect(a.TRAIN_HRS?.value).toBeGreaterThanOrEqual(0);
        expect(a.TRAIN_SPEND?.value).toBeGreaterThanOrEqual(0);
        expect(a.TRAIN_SPEND?.value).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('shareOfYear', () => {
  it('is a quarter’s days over the year’s', () => {
    expect(shareOfYear(new Date('2026-01-01'), new Date('2026-03-31'))).toBeCloseTo(90 / 365);
    expect(shareOfYear(new Date('2026-01-01'), new Date('2026-12-31'))).toBe(1);
  });
});

describe('decideTrainingFigures', () => {
  const firm = (id: string, hours: number, spend: number, payroll: number, wageSteps = 0, gain = 0): FirmFigures =>
    firmFigures({
      organisationId: id,
      frontline: [group({ activityParticipants: 1, activityHours: hours, activityCost: spend })],
      all: [group({ activityParticipants: 1, activityHours: hours, activityCost: spend })],
      workforce: { year: 2026, frontlineHeadcount: 10, payroll },
      sessions: 1,
      enrolments: 0,
      completions: 0,
      wageSteps,
      wageGain: gain,
    });
  const five = ['a', 'b', 'c', 'd', 'e'].map((id) => firm(id, 100, 1000, 100_000, 2, 3));

  it('pools the firms’ totals (Σ spend ÷ Σ payroll, Σ hours ÷ Σ headcount) and the wage gains', () => {
    const out = decideTrainingFigures(five, 5, new Set(), false);
    expect(out.training).toEqual({ withheld: null, figures: { firms: 5, hours: 500, spend: 5000, payroll: 500_000, hoursPerFrontlineWorker: 10, spendPctOfPayroll: 1 } });
    expect(out.wageGains).toEqual({ withheld: null, figures: { firms: 5, wageSteps: 10, totalHourlyGain: 15, meanHourlyGain: 1.5 } });
  });

  it('counts the reader’s own (or represented) firms as known: k others are needed', () => {
    expect(decideTrainingFigures(five, 5, new Set(['a']), false).training.withheld).toBe('fewer_than_k');
    expect(decideTrainingFigures([...five, firm('f', 100, 1000, 100_000)], 5, new Set(['a']), false).training.withheld).toBeNull();
    // wage gains: f has no confirmed step, so a reader at a still sees only 4 others
    expect(decideTrainingFigures([...five, firm('f', 100, 1000, 100_000)], 5, new Set(['a']), false).wageGains).toEqual({ figures: null, withheld: 'fewer_than_k' });
  });

  it('withholds a dominated total, and shows staff everything', () => {
    const big = [...five, firm('big', 100, 100_000, 100_000)];
    expect(decideTrainingFigures(big, 5, new Set(), false).training).toEqual({ figures: null, withheld: 'dominated' });
    expect(decideTrainingFigures(big, 5, new Set(), true).training.withheld).toBeNull();
  });

  it('never shows a figure of fewer than k unknown firms (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(500), fc.nat(50_000), fc.nat(5)), { maxLength: 9 }), fc.integer({ min: 3, max: 6 }), fc.nat(3), (rows, k, knownCount) => {
        const firms = rows.map(([h, s, w], i) => firm(`f${i}`, h, s, 1_000_000, w, w * 2));
        const known = new Set(firms.slice(0, knownCount).map((f) => f.organisationId));
        const out = decideTrainingFigures(firms, k, known, false);
        const unknownTrained = firms.filter((f) => (f.hours > 0 || f.spend > 0) && !known.has(f.organisationId)).length;
        const unknownStepping = firms.filter((f) => f.wageSteps > 0 && !known.has(f.organisationId)).length;
        if (out.training.figures) expect(unknownTrained).toBeGreaterThanOrEqual(k);
        if (out.wageGains.figures) expect(unknownStepping).toBeGreaterThanOrEqual(k);
      }),
    );
  });
});
