/**
 * Suppliers' voice: each period a supplier may rate each of its customers on what
 * the seed says breaks trust. Answers are anonymous: only aggregates that pass disclosure
 * control leave the database, and only once the period's collection is over.
 */
export const FEEDBACK_QUESTIONS = ['forecastStability', 'paymentOnTime', 'rebidThreat', 'helpReceived', 'wouldRecommend'] as const;
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];

/** Every score is 1–5, 5 the best. */
export const FEEDBACK_SCORE_MIN = 1;
export const FEEDBACK_SCORE_MAX = 5;

export const FEEDBACK_QUESTION_LABELS: Record<FeedbackQuestion, string> = {
  forecastStability: 'Forecasts are stable (few last-minute changes)',
  paymentOnTime: 'Invoices are paid on time',
  rebidThreat: 'No threat of rebid or exit for price alone',
  helpReceived: 'Help received to improve',
  wouldRecommend: 'Would recommend as a customer',
};

/** One supplier's own answers about one customer, readable by that supplier only. */
export interface CustomerFeedback {
  id: string;
  periodId: string;
  supplierId: string;
  customerId: string;
  forecastStability: number;
  paymentOnTime: number;
  rebidThreat: number;
  helpReceived: number;
  wouldRecommend: number;
  createdAt: string;
  updatedAt: string;
}

/** Why an aggregate is withheld: fewer than k answering suppliers (besides the reader), dominated, or it would disclose by difference. */
export type FeedbackWithheldReason = 'fewer_than_k' | 'dominated' | 'differencing';

export interface FeedbackQuestionSummary {
  question: FeedbackQuestion;
  /** mean score, 2 decimals; null when withheld */
  mean: number | null;
  withheld: FeedbackWithheldReason | null;
  /** what the reader is told instead of the figure */
  withheldMessage: string | null;
}

/** The aggregate about one customer (customerId set) or about every customer of the consortium (null). */
export interface FeedbackSubjectSummary {
  customerId: string | null;
  customerName: string;
  /** answering suppliers; null when the whole subject is withheld (never a count below k) */
  answering: number | null;
  questions: FeedbackQuestionSummary[];
}

export interface CustomerFeedbackSummary {
  periodId: string;
  periodCode: string;
  /** true while suppliers may still answer: no aggregate is shown until it is over */
  collecting: boolean;
  subjects: FeedbackSubjectSummary[];
}
