import { Injectable } from '@nestjs/common';
import type { Role, TrainingFigures, TrainingFiguresFirm, TrainingFiguresWithheld } from '@tandem/contracts';
import { decideTrainingFigures, firmFigures, suppressionMessage, trainingGroupsSql, type FirmTrainingYear, type SessionTraining } from '@tandem/domain';
import { CommonErrorCode, DomainError, FIRM_READER_ROLES, PrismaService, RequestContext, organisationsActedFor, readerRoles } from '@tandem/server';

/** Roles that read their own firm's row in full. */
const OWN_FIRM_ROLES = new Set(['firm_admin', 'firm_contributor']);
const UNION_ROLES: ReadonlySet<Role> = new Set(['union_representative']);

const YEAR_WINDOW = { consortium: '$1::uuid', organisation: 'm."organisationId"', from: '$2::date', to: '$3::date' };

/**
 * Per member firm ($1 consortium) for the calendar year [$2, $3]: its training groups (the
 * commitments' aggregates: libs/domain trainingGroupsSql), its workforce of the year (or the
 * latest earlier one), the sessions its workers attended, its enrolments and completions, and
 * the wage steps it confirmed in the year with their summed hourly gains.
 */
const FIGURES_SQL = `
SELECT m."organisationId", o.name AS "organisationName", tf.groups AS frontline, ta.groups AS "all",
       wf.year AS "workforceYear", wf."frontlineHeadcount", wf.payroll::float8 AS payroll,
       en.sessions, en.enrolments, en.completions, ws.steps AS "wageSteps", ws.gain AS "wageGain"
FROM "Membership" m
JOIN "Organisation" o ON o.id = m."organisationId"
LEFT JOIN LATERAL (${trainingGroupsSql(YEAR_WINDOW, true)}) tf ON true
LEFT JOIN LATERAL (${trainingGroupsSql(YEAR_WINDOW, false)}) ta ON true
LEFT JOIN LATERAL (
  SELECT w.year, w."frontlineHeadcount", w.payroll FROM "WorkforceYear" w
  WHERE w."consortiumId" = $1::uuid AND w."organisationId" = m."organisationId" AND w.year <= extract(year FROM $2::date)
  ORDER BY w.year DESC LIMIT 1
) wf ON true
LEFT JOIN LATERAL (
  SELECT count(DISTINCT e."sessionId")::int AS sessions, count(*)::int AS enrolments, count(*) FILTER (WHERE e.status = 'completed')::int AS completions
  FROM "Enrolment" e JOIN "CourseSession" s ON s.id = e."sessionId"
  WHERE e."consortiumId" = $1::uuid AND e."organisationId" = m."organisationId" AND e.status <> 'withdrawn' AND s."startsOn" >= $2::date AND s."startsOn" <= $3::date
) en ON true
LEFT JOIN LATERAL (
  SELECT count(*)::int AS steps, COALESCE(sum(COALESCE(e."wageAfter", 0) - COALESCE(e."wageBefore", 0)), 0)::float8 AS gain
  FROM "Enrolment" e
  WHERE e."consortiumId" = $1::uuid AND e."organisationId" = m."organisationId" AND e."wageStepConfirmedAt" IS NOT NULL
    AND e."wageStepConfirmedAt" >= $2::date AND e."wageStepConfirmedAt" < ($3::date + 1)
) ws ON true
WHERE m."consortiumId" = $1::uuid AND m.status <> 'applicant'
ORDER BY o.name, m."organisationId"`;

interface Row {
  organisationId: string;
  organisationName: string;
  frontline: SessionTraining[];
  all: SessionTraining[];
  workforceYear: number | null;
  frontlineHeadcount: number | null;
  payroll: number | null;
  sessions: number;
  enrolments: number;
  completions: number;
  wageSteps: number;
  wageGain: number;
}

function withheld(reason: string | null, k: number): { reason: TrainingFiguresWithheld | null; message: string | null } {
  if (reason === null) return { reason: null, message: null };
  const r: TrainingFiguresWithheld = reason === 'dominated' ? 'dominated' : 'fewer_than_k';
  return { reason: r, message: suppressionMessage(r, k) };
}

/**
 * Training spend vs payroll. Staff read every member firm of their consortium; a firm's admin
 * and contributors their own firm; a union representative the firms its union represents
 * (hours, spend, sessions, enrolments: never payroll, the per-worker ratios that are metric
 * values, nor wages). Everyone entitled reads the consortium's aggregates when disclosure
 * control lets them (libs/domain decideTrainingFigures: k firms besides those the reader
 * already sees, no dominance); wage gains likewise, never one worker's wage.
 */
@Injectable()
export class TrainingFiguresService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly context: RequestContext,
  ) {}

  async read(year: number): Promise<TrainingFigures> {
    const p = this.context.requirePrincipal();
    if (!p.consortiumId) throw new DomainError(CommonErrorCode.Forbidden, 'Training figures are read within one consortium');
    const consortiumId = p.consortiumId;
    // every member's training read past the row scope on purpose: nothing of a row leaves but through the rules below
    const db = this.prisma.crossScope('disclosure-aggregates', { replica: true });
    // what the person knows, over every role it holds in the consortium: its own firms' figures and its unions' represented firms'
    const roles = await readerRoles(this.prisma, p);
    const unions = organisationsActedFor(roles, UNION_ROLES);
    const [rows, consortium, represented] = await Promise.all([
      db.$queryRawUnsafe<Row[]>(FIGURES_SQL, consortiumId, `${year}-01-01`, `${year}-12-31`),
      db.consortium.findUniqueOrThrow({ where: { id: consortiumId }, select: { disclosureThreshold: true } }),
      unions.size > 0
        ? db.unionRepresentation.findMany({ where: { consortiumId, unionOrganisationId: { in: [...unions] } }, select: { unionOrganisationId: true, firmOrganisationId: true } })
        : Promise.resolve([]),
    ]);
    const k = consortium.disclosureThreshold;
    const staff = p.role === 'consortium_staff' || p.role === 'platform_admin';
    const firms = rows.map((r) => ({ row: r, figures: firmFigures(toYear(r)) }));
    const own = FIRM_READER_ROLES.has(p.role) ? (p.organisationId ?? null) : null;
    // the rows shown are the signed-in role's: its own union's firms
    const representedIds = new Set(p.role === 'union_representative' ? represented.filter((r) => r.unionOrganisationId === p.organisationId).map((r) => r.firmOrganisationId) : []);
    const known = new Set<string>([...organisationsActedFor(roles, FIRM_READER_ROLES), ...represented.map((r) => r.firmOrganisationId)]);
    const decided = decideTrainingFigures(
      firms.map((f) => f.figures),
      k,
      known,
      staff,
    );
    const full = (f: (typeof firms)[number]): TrainingFiguresFirm => ({
      organisationId: f.row.organisationId,
      organisationName: f.row.organisationName,
      hours: f.figures.hours,
      frontlineHours: f.figures.frontlineHours,
      spend: f.figures.spend,
      sessions: f.figures.sessions,
      enrolments: f.figures.enrolments,
      completions: f.figures.completions,
      frontlineHeadcount: f.figures.frontlineHeadcount,
      payroll: f.figures.payroll,
      hoursPerFrontlineWorker: f.figures.hoursPerFrontlineWorker,
      spendPctOfPayroll: f.figures.spendPctOfPayroll,
      wageSteps: f.figures.wageSteps,
      meanHourlyGain: f.figures.meanHourlyGain,
    });
    const forUnion = (f: (typeof firms)[number]): TrainingFiguresFirm => ({
      ...full(f),
      frontlineHeadcount: null,
      payroll: null,
      hoursPerFrontlineWorker: null,
      spendPctOfPayroll: null,
      wageSteps: null,
      meanHourlyGain: null,
    });
    const shown: TrainingFiguresFirm[] = staff
      ? firms.map(full)
      : OWN_FIRM_ROLES.has(p.role)
        ? firms.filter((f) => f.row.organisationId === own).map(full)
        : p.role === 'union_representative'
          ? firms.filter((f) => representedIds.has(f.row.organisationId)).map(forUnion)
          : [];
    const t = withheld(decided.training.withheld, k);
    const w = withheld(decided.wageGains.withheld, k);
    // Outside staff, ratios and counts of firms only: totals differ between two years by the
    // firms that joined or left, so the difference of two years' totals was one firm's figure.
    const training = decided.training.figures && !staff ? { ...decided.training.figures, hours: null, spend: null, payroll: null } : decided.training.figures;
    const wageGains = decided.wageGains.figures && !staff ? { ...decided.wageGains.figures, wageSteps: null, totalHourlyGain: null } : decided.wageGains.figures;
    return {
      year,
      firms: shown,
      consortium: {
        training,
        trainingWithheld: t.reason,
        trainingWithheldMessage: t.message,
        wageGains,
        wageGainsWithheld: w.reason,
        wageGainsWithheldMessage: w.message,
      },
    };
  }
}

function toYear(r: Row): FirmTrainingYear {
  return {
    organisationId: r.organisationId,
    frontline: r.frontline ?? [],
    all: r.all ?? [],
    workforce: r.workforceYear === null ? null : { year: r.workforceYear, frontlineHeadcount: r.frontlineHeadcount ?? 0, payroll: r.payroll ?? 0 },
    sessions: r.sessions ?? 0,
    enrolments: r.enrolments ?? 0,
    completions: r.completions ?? 0,
    wageSteps: r.wageSteps ?? 0,
    wageGain: r.wageGain ?? 0,
  };
}
