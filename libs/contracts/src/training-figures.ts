/**
 * Training figures: hours, spend and payroll per firm and year, and the consortium's
 * aggregates (training spend vs payroll, wage gains of skill-based pay) under disclosure
 * control. Counts and sums only, never a worker.
 */
export interface TrainingFiguresFirm {
  organisationId: string;
  organisationName: string;
  /** training hours of the year (enrolments + activities, without double counting) */
  hours: number;
  frontlineHours: number;
  /** training spend of the year (seats + activity costs), USD */
  spend: number;
  /** sessions its workers attended, enrolments (not withdrawn) and completions */
  sessions: number;
  enrolments: number;
  completions: number;
  /** the firm itself and staff only (null for a union representative): workforce, ratios, wage steps */
  frontlineHeadcount: number | null;
  payroll: number | null;
  hoursPerFrontlineWorker: number | null;
  spendPctOfPayroll: number | null;
  wageSteps: number | null;
  meanHourlyGain: number | null;
}

export type TrainingFiguresWithheld = 'fewer_than_k' | 'dominated';

export interface TrainingFigures {
  year: number;
  /** the reader's own firm (firm people), the firms its union represents (union representatives), every member (staff), or none */
  firms: TrainingFiguresFirm[];
  consortium: {
    training: { firms: number; hours: number; spend: number; payroll: number; hoursPerFrontlineWorker: number | null; spendPctOfPayroll: number | null } | null;
    trainingWithheld: TrainingFiguresWithheld | null;
    trainingWithheldMessage: string | null;
    wageGains: { firms: number; wageSteps: number; totalHourlyGain: number; meanHourlyGain: number } | null;
    wageGainsWithheld: TrainingFiguresWithheld | null;
    wageGainsWithheldMessage: string | null;
  };
}
