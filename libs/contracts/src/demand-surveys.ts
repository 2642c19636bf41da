/**
 * Workforce demand surveys: employers answer per occupation (SOC) the openings they expect
 * over the horizon and the jobs that could exist if trained workers were available; the gap
 * per occupation sets that demand against the training pipeline, under disclosure control.
 */
export const DEMAND_SURVEY_STATUS_NAMES = ['draft', 'open', 'closed'] as const;
export type DemandSurveyStatusName = (typeof DEMAND_SURVEY_STATUS_NAMES)[number];

export interface DemandSurvey {
  id: string;
  consortiumId: string;
  title: string;
  /** YYYY-MM-DD */
  opensOn: string;
  closesOn: string;
  status: DemandSurveyStatusName;
  /** months ahead from opensOn the answers (and the pipeline) look */
  horizonMonths: number;
  openedAt: string | null;
  closedAt: string | null;
  /** firms that answered: staff always; others only when at least k did (never who) */
  responseCount: number | null;
  /** for a firm's own people: whether their firm has answered; null for everyone else */
  answeredByMyFirm: boolean | null;
  createdAt: string;
  updatedAt: string;
}

/** One line of a firm's own answer. */
export interface DemandAnswerLine {
  socCode: string;
  expectedOpenings: number;
  couldExistJobs: number;
  note: string | null;
}

/** A firm's own answer to a survey: one line per occupation. */
export interface DemandAnswers {
  surveyId: string;
  organisationId: string;
  lines: DemandAnswerLine[];
  updatedAt: string | null;
}

export type DemandWithheldReasonCode = 'fewer_than_k' | 'dominated' | 'differencing';

export interface DemandGapRow {
  socCode: string;
  /** true when disclosure control withholds the row from readers other than staff */
  suppressed: boolean;
  /** why, in words ("fewer than 5 answering firms"); null when shown */
  reason: string | null;
  reasonCode: DemandWithheldReasonCode | null;
  /** every figure is null when the row is withheld from the reader */
  answeringFirms: number | null;
  expectedOpenings: number | null;
  couldExistJobs: number | null;
  demand: number | null;
  pipeline: number | null;
  gap: number | null;
}

export interface DemandGap {
  surveyId: string;
  title: string;
  status: DemandSurveyStatusName;
  horizonMonths: number;
  /** the days whose enrolments count as the pipeline (YYYY-MM-DD, until exclusive) */
  pipelineFrom: string;
  pipelineUntil: string;
  /** false while answers are still taken: only staff read the gap before the survey closes */
  available: boolean;
  k: number;
  respondents: number | null;
  occupations: DemandGapRow[];
  /** over the rows shown to the reader (staff: all rows) */
  total: { occupations: number; expectedOpenings: number; couldExistJobs: number; demand: number; pipeline: number; gap: number } | null;
}
