import fc from 'fast-check';
import { ENROLMENT_STATUSES, type EnrolmentStatus } from '@tandem/contracts';
import { changeEmployer, isConsistentHistory, type EmploymentSpell } from './employment';
import { applyEnrolmentRecord, canChangeEnrolmentStatus, confirmWageStep, proposedWageStep, seatsLeft } from './enrolments';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const paths = (o: { ok: boolean; errors?: { path: string }[] }) => (o.ok ? [] : (o.errors ?? []).map((e) => e.path));

describe('enrolment status', () => {
  it('goes enrolled → attended → completed, and may be withdrawn before completion', () => {
    expect(canChangeEnrolmentStatus('enrolled', 'attended')).toBe(true);
    expect(canChangeEnrolmentStatus('attended', 'completed')).toBe(true);
    expect(canChangeEnrolmentStatus('enrolled', 'withdrawn')).toBe(true);
    expect(canChangeEnrolmentStatus('attended', 'withdrawn')).toBe(true);
  });
  it('never leaves completed or withdrawn, nor goes back', () => {
    for (const to of ENROLMENT_STATUSES.filter((s) => s !== 'completed')) expect(canChangeEnrolmentStatus('completed', to)).toBe(false);
    for (const to of ENROLMENT_STATUSES.filter((s) => s !== 'withdrawn')) expect(canChangeEnrolmentStatus('withdrawn', to)).toBe(false);
    expect(canChangeEnrolmentStatus('attended', 'enrolled')).toBe(false);
  });
  it('counts free seats, never below zero', () => {
    expect(seatsLeft(12, 11)).toBe(1);
    expect(seatsLeft(12, 12)).toBe(0);
    expect(seatsLeft(12, 14)).toBe(0);
  });
});

describe('recording attendance, completion and credentials', () => {
  const enrolled = { status: 'enrolled' as EnrolmentStatus, hoursAttended: 0, credential: null };
  it('records hours up to the session length', () => {
    expect(applyEnrolmentRecord(enrolled, { hoursAttended: 16, status: 'attended' }, 16)).toEqual({ ok: true, next: { status: 'attended', hoursAttended: 16, credential: null } });
    expect(paths(applyEnrolmentRecord(enrolled, { hoursAttended: 16.5 }, 16))).toEqual(['hoursAttended']);
  });
  it('records a credential with completion, not before', () => {
    expect(applyEnrolmentRecord(enrolled, { status: 'completed', hoursAttended: 8, credential: 'NIMS Level I' }, 8)).toMatchObject({ ok: true, next: { status: 'completed', credential: 'NIMS Level I' } });
    expect(paths(applyEnrolmentRecord(enrolled, { credential: 'NIMS Level I' }, 8))).toEqual(['credential']);
  });
  it('refuses a credential, hours or a status on a withdrawn enrolment', () => {
    const withdrawn = { status: 'withdrawn' as EnrolmentStatus, hoursAttended: 2, credential: null };
    expect(paths(applyEnrolmentRecord(withdrawn, { credential: 'OSHA 10' }, 8))).toEqual(['credential']);
    expect(paths(applyEnrolmentRecord(withdrawn, { hoursAttended: 4, status: 'completed', credential: 'x' }, 8))).toEqual(['credential', 'hoursAttended', 'status']);
  });
  it('refuses completion without attendance and a completed enrolment changing', () => {
    expect(paths(applyEnrolmentRecord(enrolled, { status: 'completed' }, 8))).toEqual(['hoursAttended']);
    const done = { status: 'completed' as EnrolmentStatus, hoursAttended: 8, credential: 'OSHA 10' };
    expect(paths(applyEnrolmentRecord(done, { credential: 'OSHA 30' }, 8))).toEqual(['credential']);
    expect(paths(applyEnrolmentRecord(done, { status: 'withdrawn' }, 8))).toEqual(['status']);
    expect(applyEnrolmentRecord(done, { credential: 'OSHA 10' }, 8)).toEqual({ ok: true, next: done });
  });
  it('property: an accepted record never exceeds the session, never credits a withdrawn or unfinished enrolment', () => {
    const status = fc.constantFrom(...ENROLMENT_STATUSES);
    fc.assert(
      fc.property(status, fc.integer({ min: 0, max: 40 }), fc.option(fc.constantFrom('OSHA 10', 'NIMS I')), fc.record({ status: fc.option(status, { nil: undefined }), hoursAttended: fc.option(fc.integer({ min: -5, max: 60 }), { nil: undefined }), credential: fc.option(fc.option(fc.constant('CWI')), { nil: undefined }) }), fc.integer({ min: 1, max: 40 }), (s, h, c, change, sessionHours) => {
        const current = { status: s, hoursAttended: Math.min(h, sessionHours), credential: s === 'completed' ? c : null };
        const out = applyEnrolmentRecord(current, change, sessionHours);
        if (!out.ok) return;
        expect(out.next.hoursAttended).toBeGreaterThanOrEqual(0);
        expect(out.next.hoursAttended).toBeLessThanOrEqual(sessionHours);
        expect(canChangeEnrolmentStatus(s, out.next.status)).toBe(true);
        if (out.next.credential !== null && out.next.credential !== current.credential) expect(out.next.status).toBe('completed');
      }),
    );
  });
});

describe('skill-based pay', () => {
  const ladder = [
    { id: 'a', credential: 'NIMS Machining Level I', hourlyIncrease: 1.25 },
    { id: 'b', credential: 'AWS D1.1', hourlyIncrease: 2 },
  ];
  it('a completed enrolment with a credential on the ladder proposes that step, whatever the case and spacing', () => {
    expect(proposedWageStep({ status: 'completed', credential: ' nims machining  level i' }, ladder)?.id).toBe('a');
    expect(proposedWageStep({ status: 'completed', credential: 'OSHA 10' }, ladder)).toBeNull();
    expect(proposedWageStep({ status: 'attended', credential: 'AWS D1.1' }, ladder)).toBeNull();
    expect(proposedWageStep({ status: 'completed', credential: null }, ladder)).toBeNull();
  });
  it('confirms once, after = before + increase unless the firm pays more, never less', () => {
    const step = ladder[1] ?? null;
    expect(confirmWageStep({ status: 'completed', wageStepConfirmedAt: null }, step, { wageBefore: 21.5 })).toEqual({ ok: true, wageBefore: 21.5, wageAfter: 23.5 });
    expect(confirmWageStep({ status: 'completed', wageStepConfirmedAt: null }, step, { wageBefore: 21.5, wageAfter: 24 })).toEqual({ ok: true, wageBefore: 21.5, wageAfter: 24 });
    expect(paths(confirmWageStep({ status: 'completed', wageStepConfirmedAt: null }, step, { wageBefore: 21.5, wageAfter: 20 }))).toEqual(['wageAfter']);
    expect(paths(confirmWageStep({ status: 'completed', wageStepConfirmedAt: new Date() }, step, { wageBefore: 21.5 }))).toEqual(['wageStepId']);
    expect(paths(confirmWageStep({ status: 'completed', wageStepConfirmedAt: null }, null, { wageBefore: 21.5 }))).toEqual(['wageStepId']);
    expect(paths(confirmWageStep({ status: 'withdrawn', wageStepConfirmedAt: null }, step, { wageBefore: 21.5 }))).toEqual(['status']);
  });
});

describe('employment history', () => {
  const first: EmploymentSpell = { id: 'e1', organisationId: 'acme', startsOn: d('2022-03-01'), endsOn: null };
  it('closes the open spell the day before the new one starts', () => {
    expect(changeEmployer([first], 'badger', d('2025-06-01'))).toEqual({ ok: true, close: { id: 'e1', endsOn: d('2025-05-31') }, open: { organisationId: 'badger', startsOn: d('2025-06-01') } });
  });
  it('refuses the same employer and a start not after the current spell began', () => {
    expect(paths(changeEmployer([first], 'acme', d('2025-06-01')))).toEqual(['organisationId']);
    expect(paths(changeEmployer([first], 'badger', d('2022-03-01')))).toEqual(['startsOn']);
  });
  it('property: applying accepted changes keeps the history consistent', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('acme', 'badger', 'cedar'), fc.integer({ min: -400, max: 900 })), { maxLength: 8 }), (moves) => {
        let history: EmploymentSpell[] = [first];
        let n = 1;
        for (const [org, offset] of moves) {
          const out = changeEmployer(history, org, new Date(d('2023-01-01').getTime() + offset * 86_400_000));
          if (!out.ok) continue;
          const { close, open } = out;
          history = history.map((s) => (close && s.id === close.id ? { ...s, endsOn: close.endsOn } : s));
          history.push({ id: `e${++n}`, organisationId: open.organisationId, startsOn: open.startsOn, endsOn: null });
          expect(isConsistentHistory(history)).toBe(true);
        }
      }),
    );
  });
});
