/**
 * The per-session training aggregates that trainingTotals adds up, as one SQL select, for a
 * firm and a window given as SQL expressions (columns of the caller's row, or parameters):
 * enrolments not withdrawn (count, hours attended, seat cost) and activities (participants,
 * participant-hours, cost), grouped by the session they name (null: activities naming none),
 * into one JSON array `groups`. `frontline` keeps frontline trainees and frontline
 * activities only. A session counts in the window it starts in, an activity on its day.
 * Shared by the commitments evaluation, the derived training metrics and the training
 * figures, so all three count the same hours and spend. The caller may append a WHERE.
 */
export interface TrainingWindowSql {
  consortium: string;
  organisation: string;
  /** first day (inclusive) */
  from: string;
  /** last day (inclusive) */
  to: string;
}

export function trainingGroupsSql(w: TrainingWindowSql, frontline: boolean): string {
  return `
  SELECT COALESCE(json_agg(json_build_object(
           'sessionId', g.sid, 'enrolled', g.enrolled, 'enrolmentHours', g.ehours, 'enrolmentCost', g.ecost,
           'activityParticipants', g.ap, 'activityHours', g.ah, 'activityCost', g.ac)), '[]'::json) AS groups
  FROM (
    SELECT u.sid, sum(u.enrolled)::int AS enrolled, sum(u.ehours)::float8 AS ehours, sum(u.ecost)::float8 AS ecost,
           sum(u.ap)::int AS ap, sum(u.ah)::float8 AS ah, sum(u.ac)::float8 AS ac
    FROM (
      SELECT e."sessionId" AS sid, count(*) AS enrolled, sum(e."hoursAttended") AS ehours, sum(s."costPerSeat") AS ecost,
             0 AS ap, 0 AS ah, 0 AS ac
      FROM "Enrolment" e
      JOIN "CourseSession" s ON s.id = e."sessionId"
      ${frontline ? 'JOIN "Trainee" t ON t.id = e."traineeId" AND t.frontline' : ''}
      WHERE e."consortiumId" = ${w.consortium} AND e."organisationId" = ${w.organisation} AND e.status <> 'withdrawn'
        AND s."startsOn" >= ${w.from} AND s."startsOn" <= ${w.to}
      GROUP BY e."sessionId"
      UNION ALL
      SELECT a."sessionId", 0, 0, 0, sum(a.participants), sum(a.participants * a."hoursPerParticipant"), sum(a.cost)
      FROM "TrainingActivity" a
      WHERE a."consortiumId" = ${w.consortium} AND a."organisationId" = ${w.organisation} ${frontline ? 'AND a.frontline' : ''}
        AND a."occurredOn" >= ${w.from} AND a."occurredOn" <= ${w.to}
      GROUP BY a."sessionId"
    ) u
    GROUP BY u.sid
  ) g`;
}
