/** Training records: curricula, grants, sessions, trainees, enrolments, activities, workforce years, wage ladders. */
export const CURRICULUM_LEVELS = ['introductory', 'intermediate', 'advanced'] as const;
export type CurriculumLevel = (typeof CURRICULUM_LEVELS)[number];

export const ENROLMENT_STATUSES = ['enrolled', 'attended', 'completed', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export interface Curriculum {
  id: string;
  consortiumId: string;
  ownerOrganisationId: string;
  ownerName: string;
  title: string;
  description: string | null;
  skillArea: string;
  hours: number;
  level: CurriculumLevel;
  shared: boolean;
  version: number;
  previousVersionId: string | null;
  socCodes: string[];
  /** sessions of organisations other than the owner built on this version */
  reuseCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Grant {
  id: string;
  consortiumId: string;
  funderOrganisationId: string;
  funderName: string;
  name: string;
  amount: number;
  startsOn: string;
  endsOn: string;
  createdAt: string;
  updatedAt: string;
}

export interface CourseSession {
  id: string;
  consortiumId: string;
  curriculumId: string;
  curriculumTitle: string;
  providerOrganisationId: string;
  providerName: string;
  startsOn: string;
  endsOn: string;
  hours: number;
  location: string;
  capacity: number;
  /** enrolments not withdrawn */
  seatsTaken: number;
  costPerSeat: number;
  grantId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TraineeEmployment {
  id: string;
  organisationId: string;
  organisationName: string;
  startsOn: string;
  endsOn: string | null;
}

export interface Trainee {
  id: string;
  consortiumId: string;
  employerOrganisationId: string;
  employerName: string;
  firstName: string;
  lastName: string;
  socCode: string | null;
  frontline: boolean;
  hireDate: string | null;
  createdAt: string;
  updatedAt: string;
  /** oldest first; on GET /trainees/{id} only */
  employments?: TraineeEmployment[];
}

/** A step of the employer's ladder, as the firm reads it on its own enrolments. */
export interface WageStepRef {
  id: string;
  credential: string;
  title: string;
  hourlyIncrease: number;
}

export interface Enrolment {
  id: string;
  consortiumId: string;
  sessionId: string;
  sessionStartsOn: string;
  curriculumTitle: string;
  traineeId: string;
  traineeName: string;
  organisationId: string;
  status: EnrolmentStatus;
  hoursAttended: number;
  credential: string | null;
  completedAt: string | null;
  withdrawnAt: string | null;
  /**
   * Skill-based pay: only the employer's own people read these; to anyone else (staff,
   * the trainer) they are null. A proposed step is `wageStep` with `wageStepConfirmedAt` null.
   */
  wageStep: WageStepRef | null;
  wageStepConfirmedAt: string | null;
  wageBefore: number | null;
  wageAfter: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface TrainingActivity {
  id: string;
  consortiumId: string;
  organisationId: string;
  occurredOn: string;
  curriculumId: string | null;
  sessionId: string | null;
  skillArea: string;
  participants: number;
  hoursPerParticipant: number;
  cost: number;
  providerOrganisationId: string | null;
  providerName: string | null;
  frontline: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WorkforceYear {
  id: string;
  consortiumId: string;
  organisationId: string;
  year: number;
  frontlineHeadcount: number;
  payroll: number;
  createdAt: string;
  updatedAt: string;
}

export interface WageStep {
  id: string;
  consortiumId: string;
  organisationId: string;
  credential: string;
  title: string;
  hourlyIncrease: number;
  createdAt: string;
  updatedAt: string;
}
