import { Injectable } from '@nestjs/common';
import type { TalentCirculation, TalentCirculationFirm } from '@tandem/contracts';
import { decideCirculation, suppressionMessage } from '@tandem/domain';
import { CommonErrorCode, DomainError, FIRM_READER_ROLES, PrismaService, RequestContext, knownFirms } from '@tandem/server';


interface FirmRow {
  organisationId: string;
  organisationName: string;
  hires: number;
  receivedTrained: number;
  lostTrained: number;
  /** hires whose previous employer is one of the reader's firms (it recorded those moves itself) */
  hiresFromReader: number;
  trainedFromReader: number;
}

/**
 * Per member firm and year, in one SQL pass over the employment history: a hire is an
 * employment that started in the year at a member firm; a trained move is a hire whose
 * previous employment was at another member firm and who had, by then, completed training
 * paid by a member other than the hiring firm. Received and lost count those moves from
 * each side.
 */
const CIRCULATION_SQL = `
WITH members AS (
  SELECT m."organisationId" AS id, o.name FROM "Membership" m JOIN "Organisation" o ON o.id = m."organisationId" WHERE m."consortiumId" = $1::uuid
), hires AS (
  SELECT e."organisationId" AS to_org, prev."organisationId" AS from_org,
         prev."organisationId" IS NOT NULL AND prev."organisationId" <> e."organisationId"
           AND prev."organisationId" IN (SELECT id FROM members)
           AND EXISTS (SELECT 1 FROM "Enrolment" en
                        WHERE en."traineeId" = e."traineeId" AND en.status = 'completed' AND en."completedAt" <= e."startsOn"
                          AND en."organisationId" <> e."organisationId" AND en."organisationId" IN (SELECT id FROM members)) AS trained_move
    FROM "TraineeEmployment" e
    JOIN "Trainee" t ON t.id = e."traineeId" AND t."consortiumId" = $1::uuid
    LEFT JOIN LATERAL (
      SELECT p."organisationId" FROM "TraineeEmployment" p
       WHERE p."traineeId" = e."traineeId" AND p."startsOn" < e."startsOn" ORDER BY p."startsOn" DESC LIMIT 1
    ) prev ON true
   WHERE e."startsOn" >= $2::date AND e."startsOn" < $3::date AND e."organisationId" IN (SELECT id FROM members)
)
SELECT m.id AS "organisationId", m.name AS "organisationName",
       count(*) FILTER (WHERE h.to_org = m.id)::int AS hires,
       count(*) FILTER (WHERE h.to_org = m.id AND h.trained_move)::int AS "receivedTrained",
       count(*) FILTER (WHERE h.from_org = m.id AND h.trained_move)::int AS "lostTrained",
       count(*) FILTER (WHERE h.to_org = m.id AND h.from_org = ANY ($4::uuid[]))::int AS "hiresFromReader",
       count(*) FILTER (WHERE h.to_org = m.id AND h.from_org = ANY ($4::uuid[]) AND h.trained_move)::int AS "trainedFromReader"
  FROM members m
  JOIN hires h ON h.to_org = m.id OR h.from_org = m.id
 GROUP BY m.id, m.name
HAVING count(*) FILTER (WHERE h.to_org = m.id OR (h.from_org = m.id AND h.trained_move)) > 0
 ORDER BY m.name`;

/**
 * Talent circulation: counts of trained workers moving between member firms,
 * never a person. Staff read every firm of their consortium; a firm its own row; everyone
 * else, and firms too, the consortium's figures when disclosure control lets them
 * (decideCirculation: k hiring firms besides the reader's own, no one or two dominating).
 */
@Injectable()
export class TalentCirculationService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly context: RequestContext,
  ) {}

  async read(year: number): Promise<TalentCirculation> {
    const p = this.context.requirePrincipal();
    if (!p.consortiumId) throw new DomainError(CommonErrorCode.Forbidden, 'Talent circulation is read within one consortium');
    const consortiumId = p.consortiumId;
    // counts over every member's employment history, read past the row scope on purpose:
    // nothing of a row leaves but through the rules below
    // a firm role reads its own firm's row
    const reader = FIRM_READER_ROLES.has(p.role) ? (p.organisationId ?? null) : null;
    // what the person knows: every firm it acts for in the consortium, whichever role signed in
    const known = await knownFirms(this.prisma, p);
    const [rows, consortium] = await Promise.all([
      this.prisma.crossScope('disclosure-aggregates', { replica: true }).$queryRawUnsafe<FirmRow[]>(CIRCULATION_SQL, consortiumId, `${year}-01-01`, `${year + 1}-01-01`, [...known]),
      this.prisma.crossScope('disclosure-aggregates', { replica: true }).consortium.findUniqueOrThrow({ where: { id: consortiumId }, select: { disclosureThreshold: true } }),
    ]);
    const k = consortium.disclosureThreshold;
    const staff = p.role === 'consortium_staff';
    const decided = decideCirculation(rows, k, known);
    const firms: TalentCirculationFirm[] = (staff ? rows : reader ? rows.filter((r) => r.organisationId === reader) : []).map(
      ({ hiresFromReader: _h, trainedFromReader: _t, ...firm }) => firm,
    );
    const shown = staff || decided.withheld === null;
    return {
      year,
      firms,
      consortium: shown
        ? { hires: decided.hires, trainedMoves: decided.trainedMoves, shareHiredTrained: decided.share === null ? null : Math.round(decided.share * 1000) / 1000, hiringFirms: decided.hiringFirms, withheld: null, withheldMessage: null }
        : { hires: null, trainedMoves: null, shareHiredTrained: null, hiringFirms: null, withheld: decided.withheld === 'dominated' ? 'dominated' : 'fewer_than_k', withheldMessage: suppressionMessage(decided.withheld ?? 'fewer_than_k', k) },
    };
  }
}
