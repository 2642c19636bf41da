import { FEEDBACK_QUESTIONS, FEEDBACK_SCORE_MAX, FEEDBACK_SCORE_MIN, type FeedbackQuestion } from '@tandem/contracts';
import { isDominated, knownTo, type Reader, type SuppressionReason } from '../benchmarks/disclosure';

/**
 * Suppliers' voice under disclosure control (benchmarks.md rules 1 and 3). Pure.
 *
 * Answers about one customer form one cell; cells of different customers share no answer, so
 * no difference of two of them isolates anyone. The aggregate over all customers is the sum of
 * the cells shown to the reader and nothing else: it tells nothing the shown cells do not
 * (a hidden customer's answers never enter it, so "all minus the shown ones" is empty). A
 * cell is shown when at least k suppliers whose answers the reader did not write answered it,
 * and, question by question, when no one or two of those answers dominate the total. The
 * all-customers figure needs k shown customers: a funder reading it must not read one
 * identifiable customer's rating through it.
 *
 * Answers are collected while the period is open for the first time and only then; a summary
 * is computed only once that is over, so no later answer can be read by difference either.
 */
export interface FeedbackAnswer {
  id: string;
  supplierId: string;
  customerId: string;
  scores: Readonly<Record<FeedbackQuestion, number>>;
}

export interface FeedbackCellDecision {
  /** distinct suppliers that answered about this customer */
  answering: number;
  /** the whole cell withheld (fewer than k unknown suppliers), else null */
  withheld: SuppressionReason | null;
  /** per question: the mean (2 decimals) or why it is withheld */
  questions: Record<FeedbackQuestion, { mean: number | null; withheld: SuppressionReason | null }>;
}

export interface FeedbackDecisions {
  customers: Map<string, FeedbackCellDecision>;
  /** over the customers whose cell is shown to the reader; withheld below k of them */
  all: FeedbackCellDecision;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Every answer at the top (or the bottom) score: the mean tells each one. */
const SCORE_BOUNDS = [{ min: FEEDBACK_SCORE_MIN, max: FEEDBACK_SCORE_MAX }];

function withheldQuestions(reason: SuppressionReason): FeedbackCellDecision['questions'] {
  return Object.fromEntries(FEEDBACK_QUESTIONS.map((q) => [q, { mean: null, withheld: reason }])) as FeedbackCellDecision['questions'];
}

function shownQuestions(answers: readonly FeedbackAnswer[], unknown: readonly FeedbackAnswer[]): FeedbackCellDecision['questions'] {
  return Object.fromEntries(
    FEEDBACK_QUESTIONS.map((q) => {
      if (isDominated(unknown.map((a) => ({ organisationId: a.id, contributions: [a.scores[q]] })), SCORE_BOUNDS)) return [q, { mean: null, withheld: 'dominated' as const }];
      const total = answers.reduce((sum, a) => sum + a.scores[q], 0);
      return [q, { mean: round2(total / answers.length), withheld: null }];
    }),
  ) as FeedbackCellDecision['questions'];
}

/**
 * What `reader` (the supplier organisation reading, or organisations, whose own answers it
 * knows; null for a reader who wrote none: staff, a customer, a funder) is shown of one period's answers.
 */
export function decideFeedback(answers: readonly FeedbackAnswer[], k: number, reader: Reader): FeedbackDecisions {
  const known = knownTo(reader);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
  const byCustomer = new Map<string, FeedbackAnswer[]>();
  for (const a of answers) byCustomer.set(a.customerId, [...(byCustomer.get(a.customerId) ?? []), a]);
  const customers = new Map<string, FeedbackCellDecision>();
  /** per question, the answers of the cells whose figure for it is shown */
  const counted = new Map<FeedbackQuestion, FeedbackAnswer[]>(FEEDBACK_QUESTIONS.map((q) => [q, []]));
  for (const [customerId, cell] of byCustomer) {
    const answering = new Set(cell.map((a) => a.supplierId)).size;
    const unknown = cell.filter((a) => !known.has(a.supplierId));
    if (new Set(unknown.map((a) => a.supplierId)).size < k) {
      customers.set(customerId, { answering, withheld: 'fewer_than_k', questions: withheldQuestions('fewer_than_k') });
      continue;
    }
    const questions = shownQuestions(cell, unknown);
    customers.set(customerId, { answering, withheld: null, questions });
    // a question withheld for dominance in one cell stays out of the all-customers figure too
    for (const q of FEEDBACK_QUESTIONS) if (questions[q].withheld === null) counted.get(q)?.push(...cell);
  }
  const questions = Object.fromEntries(
    FEEDBACK_QUESTIONS.map((q) => {
      const rows = counted.get(q) ?? [];
      if (new Set(rows.map((a) => a.customerId)).size < k) return [q, { mean: null, withheld: 'fewer_than_k' as const }];
      return [q, { mean: round2(rows.reduce((sum, a) => sum + a.scores[q], 0) / rows.length), withheld: null }];
    }),
  ) as FeedbackCellDecision['questions'];
  const shownAnswers = [...customers.entries()].filter(([, d]) => d.withheld === null).flatMap(([c]) => byCustomer.get(c) ?? []);
  const anyShown = FEEDBACK_QUESTIONS.some((q) => questions[q].withheld === null);
  const all: FeedbackCellDecision = {
    answering: new Set(shownAnswers.map((a) => a.supplierId)).size,
    withheld: anyShown ? null : 'fewer_than_k',
    questions,
  };
  return { customers, all };
}
