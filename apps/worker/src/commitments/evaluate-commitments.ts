import type { PrismaClient } from '@tandem/db';
import {
  COMMITMENT_KIND_LABEL,
  evaluateCommitment,
  multiYearPct,
  notifiesOn,
  workforceForYear,
  type CommitmentInputs,
  type CommitmentKindName,
  type CommitmentStateName,
  type SessionTraining,
  type SourcingModeName,
} from '@tandem/domain';
import { GATHER_COMMITMENTS_SQL, RECIPIENTS_SQL, type GatheredCommitment } from './evaluate.sql';

export interface EvaluationMessage {
  consortiumId: string;
  to: string;
  subject: string;
  text: string;
}

export interface EvaluationOptions {
  /** one consortium only (default: every consortium) */
  consortiumId?: string | null;
  /** writes the outbox messages in the transaction and returns their ids; absent: nobody is told (the seed's story) */
  writeMessages?: (tx: Tx, messages: EvaluationMessage[]) => Promise<string[]>;
}

export interface EvaluationResult {
  evaluated: number;
  transitions: { commitmentId: string; consortiumId: string; from: string; to: string }[];
  reviewsOpened: number;
  messageIds: string[];
}

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];


function day(value: Date | string): Date {
  const d = new Date(value);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** The row's aggregates as the pure functions' inputs. */
export function inputsOf(row: GatheredCommitment): CommitmentInputs {
  const workforce =
    row.workforceYear === null
      ? null
      : workforceForYear([{ year: row.workforceYear, frontlineHeadcount: row.frontlineHeadcount ?? 0, payroll: row.payroll ?? 0 }], row.year);
  return {
    frontlineTraining: (row.frontlineTraining ?? []) as SessionTraining[],
    allTraining: (row.allTraining ?? []) as SessionTraining[],
    workforce,
    periods: (row.periods ?? []).map((p) => ({ dueOn: day(p.dueOn), owed: p.owed, submittedOnTime: p.submittedOnTime })),
    curriculaShared: row.curriculaShared ?? 0,
    multiYearPct: multiYearPct((row.sponsoredModes ?? []) as SourcingModeName[]),
    attestedValue: row.attestedValue,
    verified: row.verified,
  };
}

function message(row: GatheredCommitment, to: CommitmentStateName, actual: number | null, expected: number, audience: 'firm' | 'staff'): { subject: string; text: string } {
  const kind = COMMITMENT_KIND_LABEL[row.kind as CommitmentKindName];
  const figure = actual === null ? 'no figure yet' : String(actual);
  const who = audience === 'firm' ? 'Your commitment' : `The commitment of ${row.organisationName}`;
  const subject = to === 'missed' ? `Commitment missed: ${kind} (${row.year})` : `Commitment at risk: ${kind} (${row.year})`;
  const text =
    to === 'missed'
      ? `${who} on ${kind} for ${row.year} was missed: target ${row.target}, achieved ${figure}. Consortium staff will review it.\n`
      : `${who} on ${kind} for ${row.year} is behind its pace: by now ${expected} was expected, the figure is ${figure} (target ${row.target}).\n`;
  return { subject, text: `Hello,\n\n${text}See Commitments in Tandem for the details.\n` };
}

/**
 * Evaluates every commitment still to judge as of `asOf`: inputs gathered in SQL as
 * aggregates (evaluate.sql.ts), judged by libs/domain. A changed state is written with a
 * compare-and-set on the state it was read in (a concurrent run that got there first wins,
 * this one skips it), with a CommitmentTransition; a transition to at_risk or missed tells
 * the firm's admins and the consortium's staff (one message each) and marks the transition
 * notified; a missed commitment opens its review (once: unique per commitment). Re-running
 * finds no change and so tells nobody twice. Unchanged states only refresh their figures.
 */
export async function evaluateCommitments(db: PrismaClient, asOf: Date, options: EvaluationOptions = {}): Promise<EvaluationResult> {
  return db.$transaction((tx) => evaluateCommitmentsIn(tx, asOf, options), { maxWait: 30_000, timeout: 5 * 60_000 });
}

/** The evaluation inside a caller's transaction (the seed tells its story with it). */
export async function evaluateCommitmentsIn(tx: Tx, asOf: Date, options: EvaluationOptions = {}): Promise<EvaluationResult> {
  const asOfDay = asOf.toISOString().slice(0, 10);
  const rows = await tx.$queryRawUnsafe<GatheredCommitment[]>(GATHER_COMMITMENTS_SQL, asOfDay, options.consortiumId ?? null);
  const result: EvaluationResult = { evaluated: rows.length, transitions: [], reviewsOpened: 0, messageIds: [] };
  const refresh: { id: string; actual: number | null; expected: number }[] = [];
  for (const row of rows) {
    const judged = evaluateCommitment(
      {
        kind: row.kind as CommitmentKindName,
        target: row.target,
        state: row.state as CommitmentStateName,
        startsOn: day(row.startsOn),
        endsOn: day(row.endsOn),
        joinedAt: row.joinedAt ? day(row.joinedAt) : null,
        asOf: day(asOf),
      },
      inputsOf(row),
    );
    if (judged.state === row.state) {
      refresh.push({ id: row.id, actual: judged.actual, expected: judged.expected });
      continue;
    }
    const updated = await tx.commitment.updateMany({
      where: { id: row.id, state: row.state as CommitmentStateName },
      data: { state: judged.state, actual: judged.actual, expected: judged.expected, evaluatedAt: asOf, stateChangedAt: asOf },
    });
    if (updated.count === 0) continue;
    const transition = await tx.commitmentTransition.create({ data: { commitmentId: row.id, fromState: row.state as CommitmentStateName, toState: judged.state, at: asOf } });
    result.transitions.push({ commitmentId: row.id, consortiumId: row.consortiumId, from: row.state, to: judged.state });
    if (judged.state === 'missed') {
      // once per commitment (unique commitmentId): a commitment missed again keeps its review
      const opened = await tx.commitmentReview.createMany({ data: [{ consortiumId: row.consortiumId, commitmentId: row.id, createdAt: asOf }], skipDuplicates: true });
      result.reviewsOpened += opened.count;
    }
    if (notifiesOn(judged.state) && options.writeMessages) {
      const [recipients] = await tx.$queryRawUnsafe<{ firm: string[]; staff: string[] }[]>(RECIPIENTS_SQL, row.consortiumId, row.organisationId);
      const messages: EvaluationMessage[] = [];
      for (const audience of ['firm', 'staff'] as const) {
        const to = recipients?.[audience] ?? [];
        if (to.length) messages.push({ consortiumId: row.consortiumId, to: to.join(', '), ...message(row, judged.state, judged.actual, judged.expected, audience) });
      }
      result.messageIds.push(...(await options.writeMessages(tx, messages)));
      await tx.commitmentTransition.update({ where: { id: transition.id }, data: { notifiedAt: asOf } });
    }
  }
  if (refresh.length) {
    await tx.$executeRawUnsafe(
      `UPDATE "Commitment" c SET actual = x.actual, expected = x.expected, "evaluatedAt" = $4
         FROM unnest($1::uuid[], $2::numeric[], $3::numeric[]) AS x(id, actual, expected)
        WHERE c.id = x.id AND c.state <> 'waived'`,
      refresh.map((r) => r.id),
      refresh.map((r) => r.actual),
      refresh.map((r) => r.expected),
      asOf,
    );
  }
  return result;
}
