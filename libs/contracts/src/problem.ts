/** RFC 9457 problem details, as every error of the API is answered. */
export interface ProblemFieldError {
  path: string;
  message: string;
}
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemFieldError[];
  requestId?: string;
}
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
