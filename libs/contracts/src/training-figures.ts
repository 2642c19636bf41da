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
    /**
     * Outside staff only the pooled ratios and the number of firms: totals of hours, spend and
     * payroll (null) were read by difference between two years whose firms differ by one (a
     * firm without figures for a year carries its latest payroll), which told that firm's payroll.
     */
    training: { firms: number; hours: number | null; spend: number | null; payroll: number | null; hoursPerFrontlineWorker: number | null; spendPctOfPayroll: number | null } | null;
    trainingWithheld: TrainingFiguresWithheld | null;
    trainingWithheldMessage: string | null;
    /** outside staff the mean gain and the number of firms only (the count of steps and the total, null, would difference the same way) */
    wageGains: { firms: number; wageSteps: number | null; totalHourlyGain: number | null; meanHourlyGain: number } | null;
    wageGainsWithheld: TrainingFiguresWithheld | null;
    wageGainsWithheldMessage: string | null;
  };
}
