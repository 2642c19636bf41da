import type { Prisma } from '../generated/client';
import type { ConsortiumRows } from './consortia';
import type { OrganisationRows } from './organisations';
import { day, rngFor, uuidv7 } from './prng';

/**
 * Workforce demand surveys of the demo story (glmp, told as of 2026-11-24 and moved with the
 * calendar like the training records):
 *  - "Workforce demand: the year ahead", January to February, closed: twenty-four member
 *    firms answered for six occupations. Machinists, welders, CNC operators and inspectors show
 *    against the pipeline (the inspectors only to readers who did not answer for them: five
 *    firms did, so each of them faces four others); the foundry mould makers (four firms) are
 *    withheld as too few, and the industrial mechanics as dominated (Racine Pump & Valve
 *    expects most of the openings). The welders' gap is the largest: many more jobs could
 *    exist than the pipeline fills, as the Wisconsin employers told their consortium.
 *  - "Workforce demand: autumn check-in", open since early November: three firms have
 *    answered; Acme Castings has not yet (its admin's home page asks it to).
 */
interface AnswerSeed {
  firm: string;
  soc: string;
  openings: number;
  could: number;
  note?: string;
}

const YEAR_AHEAD: readonly AnswerSeed[] = [
  // machinists (51-4041): nine firms
  ...(
    [
      ['acme-castings', 4, 2],
      ['badger-machining', 6, 4],
      ['pewaukee-precision', 3, 2],
      ['fox-river-cnc', 2, 1],
      ['granville-tool-die', 3, 3],
      ['cedarburg-screw', 2, 2],
      ['west-bend-swiss', 4, 1],
      ['burlington-machine-tool', 5, 3],
      ['port-washington-gearbox', 4, 2],
    ] as const
  ).map(([firm, openings, could]) => ({ firm, soc: '51-4041', openings, could })),
  // welders (51-4121): seven firms, many jobs that could exist
  ...(
    [
      ['oak-creek-fabrication', 5, 6],
      ['elkhorn-fabricators', 4, 5],
      ['germantown-steel-fab', 6, 8],
      ['cedar-grove-welding', 2, 3],
      ['delavan-spring', 2, 2],
      ['muskego-forge', 3, 4],
      ['badger-machining', 1, 2],
    ] as const
  ).map(([firm, openings, could]) => ({ firm, soc: '51-4121', openings, could })),
  // CNC machine tool operators (51-9161): six firms
  ...(
    [
      ['badger-machining', 5, 3],
      ['pewaukee-precision', 4, 2],
      ['brookfield-spindle', 3, 2],
      ['burlington-machine-tool', 4, 2],
      ['west-bend-swiss', 2, 2],
      ['sussex-hydraulics', 3, 1],
    ] as const
  ).map(([firm, openings, could]) => ({ firm, soc: '51-9161', openings, could })),
  // inspectors (51-9061): five firms, Acme among them
  ...(
    [
      ['acme-castings', 2, 1],
      ['kenosha-die-cast', 2, 1],
      ['plymouth-brake', 3, 1],
      ['union-grove-driveline', 3, 2],
      ['sussex-hydraulics', 1, 1],
    ] as const
  ).map(([firm, openings, could]) => ({ firm, soc: '51-9061', openings, could })),
  // foundry mould and coremakers (51-4071): four foundries, too few to show
  ...(
    [
      ['acme-castings', 3, 2],
      ['menomonee-gray-iron', 2, 2],
      ['cream-city-steel-foundry', 4, 1],
      ['whitewater-ductile', 1, 1],
    ] as const
  ).map(([firm, openings, could]) => ({ firm, soc: '51-4071', openings, could })),
  // industrial machinery mechanics (49-9041): six firms, one of which expects most openings
  ...(
    [
      ['racine-pump-valve', 24, 10],
      ['muskego-forge', 1, 1],
      ['kenosha-die-cast', 1, 0],
      ['union-grove-driveline', 2, 1],
      ['port-washington-gearbox', 1, 1],
      ['cream-city-steel-foundry', 1, 1],
    ] as const
  ).map(([firm, openings, could]) => ({ firm, soc: '49-9041', openings, could })),
];

const AUTUMN: readonly AnswerSeed[] = [
  { firm: 'badger-machining', soc: '51-4041', openings: 3, could: 2, note: 'second shift from spring' },
  { firm: 'germantown-steel-fab', soc: '51-4121', openings: 4, could: 6 },
  { firm: 'burlington-machine-tool', soc: '51-9161', openings: 2, could: 1 },
];

export interface DemandSurveyRows {
  surveys: Prisma.DemandSurveyCreateManyInput[];
  answers: Prisma.DemandAnswerCreateManyInput[];
}

export function buildDemandSurveys(consortia: ConsortiumRows, orgs: OrganisationRows): DemandSurveyRows {
  const rng = rngFor('demand-surveys');
  const glmp = consortia.idBySlug.get('glmp');
  if (!glmp) throw new Error('no glmp consortium');
  const org = (code: string): string => {
    const id = orgs.idByCode.get(code);
    if (!id) throw new Error(`demand survey seed: unknown organisation ${code}`);
    return id;
  };
  const rows: DemandSurveyRows = { surveys: [], answers: [] };
  const survey = (title: string, opensOn: string, closesOn: string, closed: boolean, answers: readonly AnswerSeed[]): void => {
    const created = day(opensOn);
    const id = uuidv7(created, rng);
    const closedAt = closed ? day(closesOn) : null;
    rows.surveys.push({ id, consortiumId: glmp, title, opensOn: day(opensOn), closesOn: day(closesOn), status: closed ? 'closed' : 'open', horizonMonths: 12, openedAt: created, closedAt, createdAt: created, updatedAt: closedAt ?? created });
    answers.forEach((a, i) => {
      const at = new Date(created.getTime() + (3 + i) * 86_400_000);
      rows.answers.push({ id: uuidv7(at, rng), consortiumId: glmp, surveyId: id, organisationId: org(a.firm), socCode: a.soc, expectedOpenings: a.openings, couldExistJobs: a.could, note: a.note ?? null, createdAt: at, updatedAt: at });
    });
  };
  survey('Workforce demand: the year ahead', '2026-01-12', '2026-02-13', true, YEAR_AHEAD);
  survey('Workforce demand: autumn check-in', '2026-11-02', '2026-12-18', false, AUTUMN);
  return rows;
}
