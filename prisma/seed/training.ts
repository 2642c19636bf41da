import type { Prisma } from '../generated/client';
import type { ConsortiumRows } from './consortia';
import { ORGANISATIONS, joinKey, type OrganisationRows } from './organisations';
import { PERFORMANCE_TODAY } from './periods';
import { addDays, day, rngFor, uuidv7, type Rng } from './prng';
import type { UserRows } from './users';

/**
 * The training records of the demo story, as the glmp
 * console tells it on 2026-11-24:
 *  - a library of shared curricula: Lakeshore Technical College's and the extension centre's,
 *    and a few that member firms share (lockout/tagout from Acme, sand systems from Cream City
 *    Steel); "Lean Manufacturing Fundamentals" is in its second edition; two firms keep a
 *    private one; the steelworkers' local has proposed one (private until staff share it);
 *  - two years of sessions, most of them delivered by the college or the extension centre,
 *    some paid by the Wisconsin Workforce Fund's grants; past sessions with attendance,
 *    completions and credentials, two that ended last week with attendance still to record
 *    (Lakeshore's trainer's to-do), and the coming weeks' sessions open for enrolment;
 *  - workers of eight members, a few of whom moved between members after their training
 *    (talent circulation), with their employment histories;
 *  - wage ladders at Acme, Badger, Cream City and Racine Pump: credentials that proposed a
 *    step, most confirmed with the wages before and after, a few still awaiting the firm
 *    admin (Acme has some);
 *  - bulk training activities, and every active glmp manufacturer's frontline headcount and
 *    payroll for the last three years.
 */

interface CurriculumSeed {
  key: string;
  title: string;
  skillArea: string;
  hours: number;
  level: 'introductory' | 'intermediate' | 'advanced';
  owner: string;
  socCodes: string[];
  /** what a completion earns, if anything */
  credential?: string;
  shared?: boolean;
  /** a later edition of this one */
  replaces?: string;
  /** delivered by (defaults to the owner when it trains, else the college) */
  provider?: string;
}

const COLLEGE = 'lakeshore-tech';
const CENTRE = 'sewi-mec';

export const CURRICULA: readonly CurriculumSeed[] = [
  { key: 'lean-1', title: 'Lean Manufacturing Fundamentals', skillArea: 'lean', hours: 16, level: 'introductory', owner: CENTRE, socCodes: ['51-2092', '51-1011'], credential: 'Lean Bronze' },
  { key: 'vsm', title: 'Value Stream Mapping', skillArea: 'lean', hours: 8, level: 'intermediate', owner: CENTRE, socCodes: ['51-1011'] },
  { key: 'smed', title: 'Setup Reduction (SMED) for Machining Cells', skillArea: 'setup reduction', hours: 12, level: 'intermediate', owner: CENTRE, socCodes: ['51-4041', '51-9161'] },
  { key: 'spc', title: 'Statistical Process Control', skillArea: 'quality/SPC', hours: 16, level: 'intermediate', owner: COLLEGE, socCodes: ['51-9061'], credential: 'SPC Practitioner' },
  { key: 'gdt', title: 'Measurement and GD&T', skillArea: 'quality/SPC', hours: 24, level: 'intermediate', owner: COLLEGE, socCodes: ['51-9061', '51-4041'] },
  { key: 'print', title: 'Blueprint Reading I', skillArea: 'blueprint reading', hours: 12, level: 'introductory', owner: COLLEGE, socCodes: ['51-4041', '51-4121', '51-2092'] },
  { key: 'cnc-1', title: 'CNC Operator Level I', skillArea: 'CNC', hours: 40, level: 'introductory', owner: COLLEGE, socCodes: ['51-9161'], credential: 'NIMS Machining Level I' },
  { key: 'cnc-prog', title: 'CNC Programming (G-code)', skillArea: 'CNC', hours: 40, level: 'advanced', owner: COLLEGE, socCodes: ['51-9162'], credential: 'NIMS CNC Programming' },
  { key: 'mig', title: 'MIG Welding', skillArea: 'welding', hours: 40, level: 'introductory', owner: COLLEGE, socCodes: ['51-4121'], credential: 'AWS D1.1 Structural' },
  { key: 'tig', title: 'TIG Welding of Aluminium', skillArea: 'welding', hours: 32, level: 'advanced', owner: COLLEGE, socCodes: ['51-4121'] },
  { key: 'hydraulics', title: 'Industrial Maintenance: Hydraulics', skillArea: 'maintenance', hours: 24, level: 'intermediate', owner: COLLEGE, socCodes: ['49-9041'], credential: 'Fluid Power Mechanic' },
  { key: 'plc', title: 'PLC Troubleshooting', skillArea: 'maintenance', hours: 24, level: 'advanced', owner: COLLEGE, socCodes: ['49-9041'] },
  { key: 'tpm', title: 'Total Productive Maintenance', skillArea: 'maintenance', hours: 8, level: 'introductory', owner: CENTRE, socCodes: ['49-9041', '51-1011'] },
  { key: 'osha10', title: 'OSHA 10 General Industry', skillArea: 'safety', hours: 10, level: 'introductory', owner: COLLEGE, socCodes: ['51-2092', '53-7051'], credential: 'OSHA 10' },
  { key: 'loto', title: 'Lockout/Tagout in the Foundry', skillArea: 'safety', hours: 4, level: 'introductory', owner: 'acme-castings', socCodes: ['49-9041', '51-4071'], provider: CENTRE },
  { key: 'sand', title: 'Foundry Sand Systems', skillArea: 'foundry', hours: 16, level: 'intermediate', owner: 'cream-city-steel-foundry', socCodes: ['51-4071'], provider: COLLEGE },
  { key: 'molten', title: 'Molten Metal Safety', skillArea: 'safety', hours: 6, level: 'introductory', owner: 'menomonee-gray-iron', socCodes: ['51-4071', '51-4051'], provider: CENTRE },
  { key: 'lead', title: 'Team Leadership for First-line Supervisors', skillArea: 'team leadership', hours: 20, level: 'intermediate', owner: CENTRE, socCodes: ['51-1011'], credential: 'Supervisor Certificate' },
  { key: 'a3', title: 'Problem Solving with 8D and A3', skillArea: 'quality/SPC', hours: 12, level: 'intermediate', owner: CENTRE, socCodes: ['51-1011', '51-9061'] },
  { key: 'forklift', title: 'Forklift Operator', skillArea: 'safety', hours: 6, level: 'introductory', owner: 'racine-pump-valve', socCodes: ['53-7051'], credential: 'Forklift Operator', provider: COLLEGE },
  { key: 'molding', title: 'Injection Molding Setup', skillArea: 'plastics', hours: 24, level: 'intermediate', owner: 'kenosha-molded-plastics', socCodes: ['51-4072'], provider: COLLEGE },
  { key: 'powder', title: 'Powder Coating Quality', skillArea: 'finishing', hours: 8, level: 'introductory', owner: COLLEGE, socCodes: ['51-9124'] },
  { key: 'heat', title: 'Heat Treat Fundamentals', skillArea: 'heat treating', hours: 12, level: 'introductory', owner: 'hartford-heat-treat', socCodes: ['51-4191'], provider: CENTRE },
  { key: 'lean-2', title: 'Lean Manufacturing Fundamentals (2nd edition)', skillArea: 'lean', hours: 16, level: 'introductory', owner: CENTRE, socCodes: ['51-2092', '51-1011'], credential: 'Lean Bronze', replaces: 'lean-1' },
  // private to their owners
  { key: 'acme-core', title: 'Core Room Onboarding', skillArea: 'foundry', hours: 8, level: 'introductory', owner: 'acme-castings', socCodes: ['51-4071'], shared: false },
  { key: 'badger-cell', title: 'Cell 3 Operator Training', skillArea: 'CNC', hours: 6, level: 'introductory', owner: 'badger-machining', socCodes: ['51-9161'], shared: false },
  // the steelworkers' local proposes (private until staff share it)
  { key: 'ergonomics', title: 'Ergonomics and Injury Prevention', skillArea: 'safety', hours: 6, level: 'introductory', owner: 'usw-1343', socCodes: ['51-2092'], shared: false },
];

/** Members whose workers the story follows, with their wage ladders (credential → hourly increase). */
const TRAINING_FIRMS: readonly { code: string; workers: number; ladder?: Record<string, number> }[] = [
  { code: 'acme-castings', workers: 12, ladder: { 'NIMS Machining Level I': 1.25, 'AWS D1.1 Structural': 1.5, 'SPC Practitioner': 0.75, 'Fluid Power Mechanic': 1.75, 'Supervisor Certificate': 2 } },
  { code: 'badger-machining', workers: 9, ladder: { 'NIMS Machining Level I': 1.5, 'NIMS CNC Programming': 2.5, 'SPC Practitioner': 1 } },
  { code: 'cream-city-steel-foundry', workers: 10, ladder: { 'AWS D1.1 Structural': 1.25, 'Fluid Power Mechanic': 1.5, 'Lean Bronze': 0.5 } },
  { code: 'racine-pump-valve', workers: 9, ladder: { 'NIMS Machining Level I': 1, 'Forklift Operator': 0.5, 'Supervisor Certificate': 1.75 } },
  { code: 'menomonee-gray-iron', workers: 7 },
  { code: 'kenosha-molded-plastics', workers: 7 },
  { code: 'pewaukee-precision', workers: 6 },
  { code: 'sussex-hydraulics', workers: 6 },
];

/** Workers who moved to another member after training: [from, index among its workers, to, first day there]. */
const MOVES: readonly [string, number, string, string][] = [
  ['acme-castings', 2, 'badger-machining', '2025-08-04'],
  ['cream-city-steel-foundry', 1, 'acme-castings', '2025-11-03'],
  ['racine-pump-valve', 3, 'sussex-hydraulics', '2026-02-16'],
  ['pewaukee-precision', 0, 'badger-machining', '2026-04-06'],
  ['badger-machining', 4, 'racine-pump-valve', '2026-06-01'],
  ['kenosha-molded-plastics', 2, 'acme-castings', '2026-08-10'],
];

const FIRST = ['Maria', 'James', 'Ana', 'Kevin', 'Tasha', 'Luis', 'Megan', 'Darnell', 'Hoa', 'Brian', 'Fatima', 'Cody', 'Nicole', 'Jorge', 'Kayla', 'Tyrone', 'Emily', 'Pa Nhia', 'Andre', 'Jessica', 'Miguel', 'Sara', 'Derek', 'Yolanda'];
const LAST = ['Kowalski', 'Nguyen', 'Hernandez', 'Schmidt', 'Johnson', 'Vang', 'Lopez', 'Mueller', 'Washington', 'Xiong', 'Garcia', 'Olson', 'Brown', 'Nowak', 'Jackson', 'Her', 'Martinez', 'Larson', 'Thao', 'Wilson'];
const OCCUPATIONS = ['51-4041', '51-4121', '51-9161', '51-9061', '49-9041', '51-4071', '51-2092', '53-7051'];

/** The story's sessions: curriculum key, first day, length in days, capacity, cost per seat, grant. */
interface SessionPlan {
  curriculum: string;
  startsOn: Date;
  days: number;
  capacity: number;
  costPerSeat: number;
  grant: 'ff' | 'wig' | null;
  /** a worker of this firm takes the first seat and completes (the story needs it) */
  firstFrom?: string;
}

export interface TrainingRows {
  curricula: Prisma.CurriculumCreateManyInput[];
  grants: Prisma.GrantCreateManyInput[];
  sessions: Prisma.CourseSessionCreateManyInput[];
  trainees: Prisma.TraineeCreateManyInput[];
  employments: Prisma.TraineeEmploymentCreateManyInput[];
  wageSteps: Prisma.WageStepCreateManyInput[];
  enrolments: Prisma.EnrolmentCreateManyInput[];
  activities: Prisma.TrainingActivityCreateManyInput[];
  workforceYears: Prisma.WorkforceYearCreateManyInput[];
}

const STORY_START = day('2024-11-04');
const LAST_WEEK = addDays(PERFORMANCE_TODAY, -10);

function sessionPlans(rng: Rng): SessionPlan[] {
  const shared = CURRICULA.filter((c) => c.shared !== false && c.key !== 'lean-1');
  const plans: SessionPlan[] = [];
  // about one session every two weeks, from November 2024 to six weeks ahead of "today"
  for (let start = STORY_START; start.getTime() < addDays(PERFORMANCE_TODAY, 42).getTime(); start = addDays(start, rng.int(11, 17))) {
    const c = rng.pick(shared);
    const days = Math.max(1, Math.ceil(c.hours / 8));
    const grant = start.getTime() < day('2026-01-01').getTime() ? (rng.chance(0.5) ? 'ff' : null) : rng.chance(0.4) ? 'wig' : null;
    plans.push({ curriculum: c.key, startsOn: start, days, capacity: rng.int(8, 14), costPerSeat: Math.round(c.hours * rng.int(22, 34)), grant });
  }
  // the first edition of lean fundamentals ran before the second replaced it
  plans.push({ curriculum: 'lean-1', startsOn: day('2024-11-18'), days: 2, capacity: 12, costPerSeat: 420, grant: 'ff' });
  plans.push({ curriculum: 'lean-1', startsOn: day('2025-03-10'), days: 2, capacity: 12, costPerSeat: 420, grant: 'ff' });
  // two sessions that ended last week, attendance not yet recorded (the trainer's to-do)
  plans.push({ curriculum: 'spc', startsOn: addDays(LAST_WEEK, -1), days: 2, capacity: 10, costPerSeat: 480, grant: 'wig' });
  plans.push({ curriculum: 'print', startsOn: addDays(LAST_WEEK, 1), days: 2, capacity: 10, costPerSeat: 300, grant: null });
  // a month ago an Acme machinist earned NIMS Level I: the step it proposes awaits Acme's admin
  plans.push({ curriculum: 'cnc-1', startsOn: addDays(PERFORMANCE_TODAY, -35), days: 5, capacity: 10, costPerSeat: 1200, grant: 'wig', firstFrom: 'acme-castings' });
  return plans.sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime());
}

function providerOf(c: CurriculumSeed): string {
  if (c.provider) return c.provider;
  return c.owner === CENTRE ? CENTRE : COLLEGE;
}

export function buildTraining(consortia: ConsortiumRows, orgs: OrganisationRows, users: UserRows): TrainingRows {
  const rng = rngFor('training');
  const glmp = consortia.idBySlug.get('glmp');
  if (!glmp) throw new Error('no glmp consortium');
  const org = (code: string): string => {
    const id = orgs.idByCode.get(code);
    if (!id) throw new Error(`training seed: unknown organisation ${code}`);
    return id;
  };
  const joined = (code: string): Date => orgs.joinedOn.get(joinKey('glmp', code)) ?? STORY_START;
  const rows: TrainingRows = { curricula: [], grants: [], sessions: [], trainees: [], employments: [], wageSteps: [], enrolments: [], activities: [], workforceYears: [] };

  // the library
  const curriculumIds = new Map<string, string>();
  for (const c of CURRICULA) {
    const createdAt = c.replaces ? day('2025-06-02') : addDays(STORY_START, -rng.int(20, 120));
    const id = uuidv7(createdAt, rng);
    curriculumIds.set(c.key, id);
    const previous = c.replaces ? curriculumIds.get(c.replaces) : undefined;
    rows.curricula.push({
      id,
      consortiumId: glmp,
      ownerOrganisationId: org(c.owner),
      title: c.title,
      description: c.credential ? `Prepares for ${c.credential}.` : null,
      skillArea: c.skillArea,
      hours: c.hours,
      level: c.level,
      shared: c.shared ?? true,
      version: previous ? 2 : 1,
      previousVersionId: previous ?? null,
      socCodes: c.socCodes,
      createdAt,
      updatedAt: createdAt,
    });
  }

  // the grants that pay for sessions
  const grantIds = { ff: uuidv7(day('2024-10-01'), rng), wig: uuidv7(day('2025-12-01'), rng) };
  rows.grants.push(
    { id: grantIds.ff, consortiumId: glmp, funderOrganisationId: org('wi-workforce'), name: 'Fast Forward: Advanced Manufacturing 2025', amount: '240000.00', startsOn: day('2024-10-01'), endsOn: day('2026-06-30'), createdAt: day('2024-10-01'), updatedAt: day('2024-10-01') },
    { id: grantIds.wig, consortiumId: glmp, funderOrganisationId: org('wi-workforce'), name: 'Workforce Innovation Grant 2026', amount: '180000.00', startsOn: day('2026-01-01'), endsOn: day('2027-12-31'), createdAt: day('2025-12-01'), updatedAt: day('2025-12-01') },
  );

  // sessions
  const bySeedKey = new Map(CURRICULA.map((c) => [c.key, c]));
  const sessions = sessionPlans(rng).map((p) => {
    const c = bySeedKey.get(p.curriculum) as CurriculumSeed;
    const createdAt = addDays(p.startsOn, -rng.int(30, 60));
    const row = {
      id: uuidv7(createdAt, rng),
      consortiumId: glmp,
      curriculumId: curriculumIds.get(c.key) as string,
      providerOrganisationId: org(providerOf(c)),
      startsOn: p.startsOn,
      endsOn: addDays(p.startsOn, p.days - 1),
      hours: c.hours,
      location: providerOf(c) === COLLEGE ? `Lakeshore Technical College, Cleveland — Room ${rng.int(101, 140)}` : `SEWI-MEC Learning Factory, Milwaukee — Bay ${rng.int(1, 4)}`,
      capacity: p.capacity,
      costPerSeat: p.costPerSeat.toFixed(2),
      grantId: p.grant ? grantIds[p.grant] : null,
      createdAt,
      updatedAt: createdAt,
    };
    rows.sessions.push(row);
    return { row, seed: c, plan: p };
  });

  // wage ladders
  const ladders = new Map<string, Map<string, string>>();
  for (const f of TRAINING_FIRMS) {
    if (!f.ladder) continue;
    const steps = new Map<string, string>();
    for (const [credential, increase] of Object.entries(f.ladder)) {
      const createdAt = addDays(joined(f.code), 30);
      const id = uuidv7(createdAt, rng);
      steps.set(credential, id);
      rows.wageSteps.push({ id, consortiumId: glmp, organisationId: org(f.code), credential, title: `${credential} step`, hourlyIncrease: increase.toFixed(2), createdAt, updatedAt: createdAt });
    }
    ladders.set(f.code, steps);
  }
  const increaseOf = (code: string, credential: string): number => TRAINING_FIRMS.find((f) => f.code === code)?.ladder?.[credential] ?? 0;

  // workers and their employment histories
  interface Worker {
    id: string;
    spells: { code: string; from: Date; to: Date | null }[];
  }
  const workers: Worker[] = [];
  const moveOf = new Map(MOVES.map(([from, i, to, on]) => [`${from}#${i}`, { to, on: day(on) }]));
  for (const f of TRAINING_FIRMS) {
    for (let i = 0; i < f.workers; i++) {
      const hired = addDays(day('2014-01-06'), rng.int(0, 3600));
      const hireDate = hired.getTime() > day('2024-06-01').getTime() ? day('2024-06-01') : hired;
      const move = moveOf.get(`${f.code}#${i}`);
      const spells = move ? [{ code: f.code, from: hireDate, to: addDays(move.on, -1) }, { code: move.to, from: move.on, to: null }] : [{ code: f.code, from: hireDate, to: null }];
      const current = spells[spells.length - 1] as Worker['spells'][number];
      const createdAt = addDays(STORY_START, -rng.int(1, 60));
      const id = uuidv7(createdAt, rng);
      rows.trainees.push({
        id,
        consortiumId: glmp,
        employerOrganisationId: org(current.code),
        firstName: rng.pick(FIRST),
        lastName: rng.pick(LAST),
        socCode: rng.pick(OCCUPATIONS),
        frontline: rng.chance(0.9),
        hireDate,
        createdAt,
        updatedAt: move ? move.on : createdAt,
      });
      for (const s of spells) rows.employments.push({ id: uuidv7(s.from.getTime() < createdAt.getTime() ? createdAt : s.from, rng), traineeId: id, organisationId: org(s.code), startsOn: s.from, endsOn: s.to, createdAt: s.from.getTime() < createdAt.getTime() ? createdAt : s.from });
      workers.push({ id, spells });
    }
  }
  const employerOn = (w: Worker, d: Date): string | null => w.spells.find((s) => s.from.getTime() <= d.getTime() && (s.to === null || s.to.getTime() >= d.getTime()))?.code ?? null;

  // enrolments: each session takes workers of firms that were members by then
  const confirmer = users.users.find((u) => u.email === 'supplier.admin@acme-castings.demo')?.id ?? null;
  for (const { row: s, seed: c, plan } of sessions) {
    const startsOn = s.startsOn as Date;
    const endsOn = s.endsOn as Date;
    const eligible = workers.filter((w) => {
      const code = employerOn(w, startsOn);
      return code !== null && joined(code).getTime() <= startsOn.getTime();
    });
    const taking = Math.min(eligible.length, rng.int(Math.ceil(s.capacity * 0.5), s.capacity));
    const pool = [...eligible];
    const ended = endsOn.getTime() < PERFORMANCE_TODAY.getTime();
    const toRecord = ended && endsOn.getTime() >= LAST_WEEK.getTime();
    for (let i = 0; i < taking; i++) {
      const forced = i === 0 && plan.firstFrom ? pool.findIndex((x) => employerOn(x, startsOn) === plan.firstFrom) : -1;
      const w = pool.splice(forced >= 0 ? forced : rng.int(0, pool.length - 1), 1)[0] as Worker;
      const code = employerOn(w, startsOn) as string;
      const createdAt = addDays(startsOn, -rng.int(7, 28));
      const roll = forced >= 0 ? 1 : rng.next();
      const status = !ended || toRecord ? 'enrolled' : roll < 0.07 ? 'withdrawn' : roll < 0.15 ? 'attended' : 'completed';
      const hours = status === 'completed' ? c.hours : status === 'attended' ? Math.max(1, Math.round(c.hours * (0.4 + rng.next() * 0.5))) : status === 'withdrawn' ? 0 : 0;
      const credential = status === 'completed' ? (c.credential ?? null) : null;
      const stepId = credential ? (ladders.get(code)?.get(credential) ?? null) : null;
      // most steps were confirmed a week or two after completion; the latest ones still wait
      const confirmed = stepId !== null && endsOn.getTime() < addDays(PERFORMANCE_TODAY, -60).getTime() && rng.chance(0.85);
      const wageBefore = 19 + rng.int(0, 900) / 100;
      const confirmedAt = addDays(endsOn, rng.int(5, 15));
      rows.enrolments.push({
        id: uuidv7(createdAt, rng),
        consortiumId: glmp,
        sessionId: s.id as string,
        traineeId: w.id,
        organisationId: org(code),
        status,
        hoursAttended: hours,
        credential,
        completedAt: status === 'completed' ? endsOn : null,
        withdrawnAt: status === 'withdrawn' ? addDays(startsOn, -rng.int(1, 5)) : null,
        wageStepId: stepId,
        wageBefore: confirmed ? wageBefore.toFixed(2) : null,
        wageAfter: confirmed ? (wageBefore + increaseOf(code, credential as string)).toFixed(2) : null,
        wageStepConfirmedAt: confirmed ? confirmedAt : null,
        wageStepConfirmedByUserId: confirmed && code === 'acme-castings' ? confirmer : null,
        createdAt,
        updatedAt: status === 'enrolled' ? createdAt : confirmed ? confirmedAt : endsOn,
      });
    }
  }

  // training logged in bulk: toolbox talks and on-the-job training, and one firm that logged a session it also enrolled in
  const ACTIVITY_KINDS = [
    { skillArea: 'safety', hours: 1, provider: null, name: 'Toolbox talks (in house)' },
    { skillArea: 'lean', hours: 4, provider: CENTRE, name: null },
    { skillArea: 'quality/SPC', hours: 2, provider: null, name: 'Customer quality workshop' },
    { skillArea: 'maintenance', hours: 6, provider: null, name: 'OEM service technician' },
  ] as const;
  for (const f of TRAINING_FIRMS) {
    for (let month = 0; month < 24; month += rng.int(2, 4)) {
      const kind = rng.pick(ACTIVITY_KINDS);
      const occurredOn = addDays(STORY_START, month * 30 + rng.int(0, 20));
      if (occurredOn.getTime() > PERFORMANCE_TODAY.getTime() || occurredOn.getTime() < joined(f.code).getTime()) continue;
      const participants = rng.int(6, 30);
      rows.activities.push({
        id: uuidv7(occurredOn, rng),
        consortiumId: glmp,
        organisationId: org(f.code),
        occurredOn,
        curriculumId: null,
        sessionId: null,
        skillArea: kind.skillArea,
        participants,
        hoursPerParticipant: kind.hours,
        cost: (participants * kind.hours * rng.int(8, 30)).toFixed(2),
        providerOrganisationId: kind.provider ? org(kind.provider) : null,
        providerName: kind.name,
        frontline: rng.chance(0.85),
        createdAt: occurredOn,
        updatedAt: occurredOn,
      });
    }
  }
  const doubled = sessions.find(({ row }) => (row.endsOn as Date).getTime() < day('2026-06-01').getTime() && rows.enrolments.some((e) => e.sessionId === row.id && e.organisationId === org('acme-castings')));
  if (doubled) {
    const at = doubled.row.endsOn as Date;
    rows.activities.push({
      id: uuidv7(at, rng),
      consortiumId: glmp,
      organisationId: org('acme-castings'),
      occurredOn: at,
      curriculumId: doubled.row.curriculumId,
      sessionId: doubled.row.id as string,
      skillArea: doubled.seed.skillArea,
      participants: rows.enrolments.filter((e) => e.sessionId === doubled.row.id && e.organisationId === org('acme-castings')).length + 2,
      hoursPerParticipant: doubled.seed.hours,
      cost: '1200.00',
      providerOrganisationId: doubled.row.providerOrganisationId,
      providerName: null,
      frontline: true,
      createdAt: at,
      updatedAt: at,
    });
  }
  return rows;
}

/**
 * Frontline headcount and payroll per year for every active glmp manufacturer, for the
 * three years up to today's: the organisation's own figures for this year, drifting back.
 * Built after the calendar shift (years are not dates).
 */
export function buildWorkforceYears(consortia: ConsortiumRows, orgs: OrganisationRows, today: Date): Prisma.WorkforceYearCreateManyInput[] {
  const rng = rngFor('training:workforce');
  const glmp = consortia.idBySlug.get('glmp') as string;
  const year = today.getUTCFullYear();
  const out: Prisma.WorkforceYearCreateManyInput[] = [];
  for (const o of ORGANISATIONS) {
    if (!o.manufacturer || !o.memberships.some((m) => m.consortium === 'glmp' && m.status === 'active')) continue;
    const row = orgs.rows.find((r) => r.code === o.code);
    const id = orgs.idByCode.get(o.code);
    if (!row || !id) continue;
    let headcount = row.frontlineEmployeeCount ?? 0;
    let payroll = Number(row.annualPayroll ?? 0);
    for (let y = year; y > year - 3; y--) {
      const at = day(`${y}-02-01`);
      out.push({ id: uuidv7(at, rng), consortiumId: glmp, organisationId: id, year: y, frontlineHeadcount: headcount, payroll: payroll.toFixed(2), createdAt: at, updatedAt: at });
      headcount = Math.max(1, Math.round(headcount * (0.93 + rng.next() * 0.1)));
      payroll = payroll * (0.94 + rng.next() * 0.05);
    }
  }
  return out;
}

export async function insertTraining(tx: Prisma.TransactionClient, rows: TrainingRows): Promise<void> {
  await tx.curriculum.createMany({ data: rows.curricula });
  await tx.grant.createMany({ data: rows.grants });
  await tx.courseSession.createMany({ data: rows.sessions });
  await tx.trainee.createMany({ data: rows.trainees });
  await tx.traineeEmployment.createMany({ data: rows.employments });
  await tx.wageStep.createMany({ data: rows.wageSteps });
  await tx.enrolment.createMany({ data: rows.enrolments });
  await tx.trainingActivity.createMany({ data: rows.activities });
  await tx.workforceYear.createMany({ data: rows.workforceYears });
}
