import fc from 'fast-check';
import {
  COMMITMENT_KINDS,
  evaluateCommitment,
  fiscalYearBounds,
  fiscalYearOf,
  hoursPerFrontlineWorker,
  isAttestedKind,
  judge,
  keepRate,
  multiYearPct,
  notifiesOn,
  paceWindow,
  sourcingModeAsOf,
  spendPctOfPayroll,
  submittedOnTimePct,
  trainingTotals,
  uncoveredShare,
  workforceForYear,
  type CommitmentToJudge,
  type SessionTraining,
  type SourcingModeName,
} from './fulfilment';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const year2026 = { startsOn: d('2026-01-01'), endsOn: d('2026-12-31'), joinedAt: null };
const session = (over: Partial<SessionTraining>): SessionTraining => ({
  sessionId: 's1',
  enrolled: 0,
  enrolmentHours: 0,
  enrolmentCost: 0,
  activityParticipants: 0,
  activityHours: 0,
  activityCost: 0,
  ...over,
});
const commitment = (over: Partial<CommitmentToJudge>): CommitmentToJudge => ({
  kind: 'training_hours_per_frontline_worker',
  target: 24,
  state: 'on_track',
  asOf: d('2026-07-02'),
  ...year2026,
  ...over,
});

describe('training hours per frontline worker: enrolments + activities without double counting', () => {
  it('adds enrolment hours and activities naming no session in full', () => {
    const groups = [
      session({ sessionId: 's1', enrolled: 4, enrolmentHours: 64 }),
      session({ sessionId: null, activityParticipants: 10, activityHours: 80 }),
    ];
    expect(trainingTotals(groups).hours).toBe(144);
    expect(hoursPerFrontlineWorker(groups, 12)).toBe(12);
  });

  it('an activity naming a session whose enrolments are recorded adds only the participants they do not cover', () => {
    // 10 participants logged in bulk for session s1 (8 h each); 6 of them are enrolled (48 h attended)
    const g = session({ enrolled: 6, enrolmentHours: 48, enrolmentCost: 600, activityParticipants: 10, activityHours: 80, activityCost: 1000 });
    expect(uncoveredShare(g)).toBeCloseTo(0.4);
    expect(trainingTotals([g])).toEqual({ hours: 48 + 32, cost: 600 + 400 });
  });

  it('an activity fully covered by enrolments adds nothing', () => {
    const g = session({ enrolled: 10, enrolmentHours: 70, activityParticipants: 8, activityHours: 64, activityCost: 900, enrolmentCost: 1000 });
    expect(trainingTotals([g])).toEqual({ hours: 70, cost: 1000 });
  });

  it('has no figure without a headcount', () => {
    expect(hoursPerFrontlineWorker([session({ enrolmentHours: 10 })], null)).toBeNull();
    expect(hoursPerFrontlineWorker([session({ enrolmentHours: 10 })], 0)).toBeNull();
  });

  it('property: the total never exceeds enrolments + activities, never falls below either side alone', () => {
    const group = fc.record({
      sessionId: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }),
      enrolled: fc.nat(50),
      enrolmentHours: fc.nat(2000),
      enrolmentCost: fc.nat(50000),
      activityParticipants: fc.nat(60),
      activityHours: fc.nat(3000),
      activityCost: fc.nat(60000),
    }).map((g) => (g.activityParticipants === 0 ? { ...g, activityHours: 0, activityCost: 0 } : g)); // no activity, no hours
    fc.assert(
      fc.property(fc.array(group, { maxLength: 8 }), (groups) => {
        const t = trainingTotals(groups);
        const enrol = groups.reduce((s, g) => s + g.enrolmentHours, 0);
        const act = groups.reduce((s, g) => s + g.activityHours, 0);
        expect(t.hours).toBeGreaterThanOrEqual(enrol - 1e-9);
        expect(t.hours).toBeLessThanOrEqual(enrol + act + 1e-9);
        const unlinked = groups.filter((g) => g.sessionId === null).reduce((s, g) => s + g.activityHours, 0);
        expect(t.hours).toBeGreaterThanOrEqual(enrol + unlinked - 1e-9);
      }),
    );
  });

  it('property: recording the enrolments of an activity already logged does not change the hours when they match', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), (participants, hpp, enrolledRaw) => {
        const enrolled = Math.min(enrolledRaw, participants);
        const onlyActivity = trainingTotals([session({ activityParticipants: participants, activityHours: participants * hpp })]).hours;
        const both = trainingTotals([
          session({ enrolled, enrolmentHours: enrolled * hpp, activityParticipants: participants, activityHours: participants * hpp }),
        ]).hours;
        expect(both).toBeCloseTo(onlyActivity, 6);
      }),
    );
  });
});

describe('workforce figures per year (headcount changing from year to year)', () => {
  const rows = [
    { year: 2024, frontlineHeadcount: 40, payroll: 2_000_000 },
    { year: 2025, frontlineHeadcount: 50, payroll: 2_600_000 },
    { year: 2027, frontlineHeadcount: 80, payroll: 4_000_000 },
  ];
  it("judges a year's commitment against that year's figures, not a later overwrite", () => {
    expect(workforceForYear(rows, 2025)?.frontlineHeadcount).toBe(50);
    expect(workforceForYear(rows, 2024)?.frontlineHeadcount).toBe(40);
  });
  it('falls back to the latest earlier year, never a later one', () => {
    expect(workforceForYear(rows, 2026)?.year).toBe(2025);
    expect(workforceForYear(rows, 2023)).toBeNull();
  });
  it('the same hours give a different figure per worker when the headcount grew', () => {
    const hours = [session({ enrolmentHours: 1000 })];
    expect(hoursPerFrontlineWorker(hours, workforceForYear(rows, 2024)!.frontlineHeadcount)).toBe(25);
    expect(hoursPerFrontlineWorker(hours, workforceForYear(rows, 2025)!.frontlineHeadcount)).toBe(20);
  });
});

describe('spend as % of payroll', () => {
  it('seat costs + activity costs over payroll, without double counting', () => {
    const groups = [
      session({ enrolled: 5, enrolmentCost: 5000, activityParticipants: 5, activityCost: 4000 }),
      session({ sessionId: null, activityParticipants: 3, activityCost: 10000 }),
    ];
    expect(spendPctOfPayroll(groups, 1_000_000)).toBe(1.5);
    expect(spendPctOfPayroll(groups, 0)).toBeNull();
  });
});

describe('metrics submitted on time', () => {
  const periods = [
    { dueOn: d('2026-04-30'), owed: 10, submittedOnTime: 10 },
    { dueOn: d('2026-07-31'), owed: 10, submittedOnTime: 5 },
    { dueOn: d('2026-10-31'), owed: 10, submittedOnTime: 0 },
  ];
  it('counts only periods already due', () => {
    expect(submittedOnTimePct(periods, d('2026-06-01'))).toBe(100);
    expect(submittedOnTimePct(periods, d('2026-08-01'))).toBe(75);
    expect(submittedOnTimePct(periods, d('2027-01-01'))).toBe(50);
  });
  it('a period is not late on its due date', () => {
    expect(submittedOnTimePct(periods, d('2026-04-30'))).toBeNull();
  });
  it('property: a percentage between 0 and 100', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ dueOn: fc.date({ min: d('2026-01-01'), max: d('2026-12-31'), noInvalidDate: true }), owed: fc.nat(30), submittedOnTime: fc.nat(40) })), (ps) => {
        const p = submittedOnTimePct(ps, d('2027-02-01'));
        if (p !== null) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

describe('sponsored suppliers on multi-year or better, from the sourcing history', () => {
  const changes = [
    { toMode: 'multi_year' as const, effectiveOn: d('2025-03-01') },
    { toMode: 'annual_rebid' as const, effectiveOn: d('2026-05-01') },
  ];
  it('reads the mode in force on the evaluation date', () => {
    expect(sourcingModeAsOf('annual_rebid', changes, d('2025-01-01'))).toBe('annual_rebid');
    expect(sourcingModeAsOf('annual_rebid', changes, d('2025-03-01'))).toBe('multi_year');
    expect(sourcingModeAsOf('annual_rebid', changes, d('2026-04-30'))).toBe('multi_year');
    expect(sourcingModeAsOf('annual_rebid', changes, d('2026-05-01'))).toBe('annual_rebid');
  });
  it('a sponsored supplier still on annual rebid pulls the share down', () => {
    expect(multiYearPct(['multi_year', 'sole_source', 'strategic_partnership', 'annual_rebid'])).toBe(75);
    expect(multiYearPct([])).toBeNull();
  });
  it('property: the order the changes are listed in does not matter', () => {
    const mode = fc.constantFrom<SourcingModeName>('annual_rebid', 'multi_year', 'sole_source', 'strategic_partnership');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ toMode: mode, effectiveOn: fc.integer({ min: 0, max: 1000 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n))) }), { selector: (c) => c.effectiveOn.getTime() }),
        fc.integer({ min: 0, max: 1000 }),
        (cs, n) => {
          const asOf = new Date(Date.UTC(2024, 0, 1 + n));
          expect(sourcingModeAsOf('annual_rebid', [...cs].reverse(), asOf)).toBe(sourcingModeAsOf('annual_rebid', cs, asOf));
        },
      ),
    );
  });
});

describe('pace at mid-period', () => {
  it('expected = target × elapsed share; below it and not over = at_risk', () => {
    const pace = paceWindow({ ...year2026, asOf: d('2026-07-02') }); // 183 of 365 days
    expect(pace.over).toBe(false);
    const j = judge('cumulative', 24, 10, pace);
    expect(j.expected).toBeCloseTo(12.03, 2);
    expect(j.state).toBe('at_risk');
    expect(judge('cumulative', 24, 12.5, pace).state).toBe('on_track');
  });
  it('a cumulative figure that reaches the target is met early', () => {
    expect(judge('cumulative', 24, 24, paceWindow({ ...year2026, asOf: d('2026-03-01') })).state).toBe('met');
  });
  it('a rate is not met early: it can still fall', () => {
    expect(judge('rate', 90, 100, paceWindow({ ...year2026, asOf: d('2026-07-01') })).state).toBe('on_track');
    expect(judge('rate', 90, 80, paceWindow({ ...year2026, asOf: d('2026-07-01') })).state).toBe('at_risk');
  });
  it('met or missed once the period is over', () => {
    const over = paceWindow({ ...year2026, asOf: d('2027-01-01') });
    expect(over.over).toBe(true);
    expect(judge('cumulative', 24, 23.99, over).state).toBe('missed');
    expect(judge('cumulative', 24, 24, over).state).toBe('met');
    expect(judge('rate', 90, 90, over).state).toBe('met');
    expect(judge('rate', 90, null, over).state).toBe('missed');
    expect(judge('at_most', 30, 28, over).state).toBe('met');
    expect(judge('at_most', 30, 31, over).state).toBe('missed');
  });
  it('the last day of the period is not over yet', () => {
    expect(paceWindow({ ...year2026, asOf: d('2026-12-31') }).over).toBe(false);
  });
  it('property: at_risk only before the end and only when below the pace', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 100 }), fc.option(fc.integer({ min: 0, max: 150 }), { nil: null }), (day, target, actual) => {
        const pace = paceWindow({ ...year2026, asOf: new Date(Date.UTC(2026, 0, 1 + day)) });
        const j = judge('cumulative', target, actual, pace);
        if (j.state === 'at_risk') {
          expect(pace.over).toBe(false);
          expect(actual!).toBeLessThan(j.expected);
        }
        if (j.state === 'met') expect(actual!).toBeGreaterThanOrEqual(target);
        if (pace.over) expect(['met', 'missed']).toContain(j.state);
        expect(j.expected).toBeLessThanOrEqual(target + 1e-9);
      }),
    );
  });
  it('property: expected grows with time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        const at = (n: number) => judge('cumulative', 24, 0, paceWindow({ ...year2026, asOf: new Date(Date.UTC(2026, 0, 1 + n)) })).expected;
        expect(at(x)).toBeLessThanOrEqual(at(y));
      }),
    );
  });
});

describe('part-year members: the target is prorated to the months of membership', () => {
  const joinedJuly = { ...year2026, joinedAt: d('2026-07-02') }; // 183 of 365 days a member
  it('prorates a cumulative target and runs the pace from the joining day', () => {
    const pace = paceWindow({ ...joinedJuly, asOf: d('2026-07-01') });
    expect(pace.memberShare).toBeCloseTo(183 / 365, 6);
    expect(pace.elapsedShare).toBe(0);
    const end = judge('cumulative', 24, 12.1, paceWindow({ ...joinedJuly, asOf: d('2027-01-01') }));
    expect(end.effectiveTarget).toBeCloseTo(12.03, 2);
    expect(end.state).toBe('met');
  });
  it('a firm that joined before the period is judged on the whole target', () => {
    expect(paceWindow({ ...year2026, joinedAt: d('2020-05-01'), asOf: d('2026-02-01') }).memberShare).toBe(1);
  });
  it('rates are not prorated (they only count what was owed while a member)', () => {
    expect(judge('rate', 90, 85, paceWindow({ ...joinedJuly, asOf: d('2027-01-01') })).effectiveTarget).toBe(90);
  });
  it('property: the prorated target never exceeds the target and shrinks the later the firm joined', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 364 }), (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        const share = (n: number) => paceWindow({ ...year2026, joinedAt: new Date(Date.UTC(2026, 0, 1 + n)), asOf: d('2027-01-01') }).memberShare;
        expect(share(x)).toBeGreaterThanOrEqual(share(y));
        expect(share(x)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('evaluateCommitment for every kind', () => {
  it('training hours per frontline worker', () => {
    const j = evaluateCommitment(commitment({}), {
      frontlineTraining: [session({ enrolmentHours: 300 })],
      workforce: { year: 2026, frontlineHeadcount: 30, payroll: 1 },
    });
    expect(j.actual).toBe(10);
    expect(j.state).toBe('at_risk');
  });
  it('spend as % of payroll', () => {
    const j = evaluateCommitment(commitment({ kind: 'training_spend_pct_of_payroll', target: 1.5 }), {
      allTraining: [session({ enrolmentCost: 20000 })],
      workforce: { year: 2026, frontlineHeadcount: 30, payroll: 1_000_000 },
    });
    expect(j.actual).toBe(2);
    expect(j.state).toBe('met');
  });
  it('metrics submitted on time', () => {
    const j = evaluateCommitment(commitment({ kind: 'metrics_submitted_on_time', target: 100 }), {
      periods: [{ dueOn: d('2026-04-30'), owed: 4, submittedOnTime: 3 }],
    });
    expect(j.actual).toBe(75);
    expect(j.state).toBe('at_risk');
  });
  it('curricula shared', () => {
    expect(evaluateCommitment(commitment({ kind: 'curricula_shared', target: 1 }), { curriculaShared: 1 }).state).toBe('met');
    expect(evaluateCommitment(commitment({ kind: 'curricula_shared', target: 1, asOf: d('2027-01-05') }), { curriculaShared: 0 }).state).toBe('missed');
  });
  it('sponsored suppliers multi-year', () => {
    expect(evaluateCommitment(commitment({ kind: 'sponsored_suppliers_multi_year', target: 100 }), { multiYearPct: 75 }).state).toBe('at_risk');
  });
  it('attested kinds count only once verified', () => {
    const c = commitment({ kind: 'jobs_created', target: 5, asOf: d('2026-03-01') });
    expect(evaluateCommitment(c, { attestedValue: 6, verified: false }).actual).toBeNull();
    expect(evaluateCommitment(c, { attestedValue: 6, verified: true }).state).toBe('met');
    expect(evaluateCommitment({ ...c, asOf: d('2027-01-01') }, { attestedValue: 6, verified: false }).state).toBe('missed');
    const pay = commitment({ kind: 'payment_within_days', target: 30 });
    expect(evaluateCommitment(pay, { attestedValue: 45, verified: true }).state).toBe('at_risk');
    expect(evaluateCommitment(pay, { attestedValue: 25, verified: true }).state).toBe('on_track');
  });
  it('a waived commitment stays waived', () => {
    expect(evaluateCommitment(commitment({ state: 'waived' }), {}).state).toBe('waived');
  });
  it('every kind is classified and evaluable without inputs', () => {
    for (const kind of COMMITMENT_KINDS) {
      expect(typeof isAttestedKind(kind)).toBe('boolean');
      expect(evaluateCommitment(commitment({ kind }), {}).state).toMatch(/on_track|at_risk|met/);
    }
  });
});

describe('notifications and keep rates', () => {
  it('notifies on at_risk and missed only', () => {
    expect(['on_track', 'at_risk', 'met', 'missed', 'waived'].filter((s) => notifiesOn(s as never))).toEqual(['at_risk', 'missed']);
  });
  it('keep rate: met or on track among those not waived', () => {
    expect(keepRate({ met: 2, on_track: 1, at_risk: 1, missed: 0, waived: 5 })).toBe(75);
    expect(keepRate({ waived: 3 })).toBeNull();
  });
});

describe('fiscal years', () => {
  it('a calendar fiscal year and one starting in July', () => {
    expect(fiscalYearBounds(2026, 1)).toEqual({ startsOn: d('2026-01-01'), endsOn: d('2026-12-31') });
    expect(fiscalYearBounds(2026, 7)).toEqual({ startsOn: d('2026-07-01'), endsOn: d('2027-06-30') });
    expect(fiscalYearOf(d('2027-03-01'), 7)).toBe(2026);
    expect(fiscalYearOf(d('2027-07-01'), 7)).toBe(2027);
  });
  it('property: a day lies inside the bounds of its fiscal year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 12 }), (n, m) => {
        const day = new Date(Date.UTC(2020, 0, 1 + n));
        const { startsOn, endsOn } = fiscalYearBounds(fiscalYearOf(day, m), m);
        expect(day.getTime()).toBeGreaterThanOrEqual(startsOn.getTime());
        expect(day.getTime()).toBeLessThanOrEqual(endsOn.getTime());
      }),
    );
  });
});
