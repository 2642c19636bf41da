import { isDominated, knownTo, type Reader, type SuppressionReason } from '../benchmarks/disclosure';

/** One hiring firm's figures for a year (talent circulation). */
export interface CirculationFirm {
  organisationId: string;
  hires: number;
  receivedTrained: number;
  /** of those, the hires the reader itself recorded (workers who came from the reader's firms): the reader knows them */
  hiresFromReader?: number;
  trainedFromReader?: number;
}

export interface CirculationDecision {
  withheld: SuppressionReason | null;
  hires: number;
  trainedMoves: number;
  hiringFirms: number;
  /** trainedMoves / hires, or null without hires */
  share: number | null;
}

/**
 * The consortium's circulation figures as one cell (benchmarks.md rules 1 and 3): the firms
 * that hired are its members, each contributing its hires and its trained hires from other
 * members. Shown to a reader when at least k hiring firms other than the reader's own are
 * in it and no one or two of them make most of either total; staff are readers with no firm.
 * A firm subtracting its own figures therefore still faces k others, and hires it recorded
 * itself at other firms (its workers moving there) do not make a firm one of them: otherwise
 * a firm could move made-up workers into k firms to unlock the figures and subtract its own
 * (outside attack, 2026-12-07).
 */
export function decideCirculation(firms: readonly CirculationFirm[], k: number, reader: Reader): CirculationDecision {
  const known = knownTo(reader);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
  const hiring = firms.filter((f) => f.hires > 0);
  const hires = hiring.reduce((s, f) => s + f.hires, 0);
  const trainedMoves = hiring.reduce((s, f) => s + f.receivedTrained, 0);
  const others = hiring
    .filter((f) => !known.has(f.organisationId))
    .map((f) => ({ organisationId: f.organisationId, contributions: [f.hires - (f.hiresFromReader ?? 0), f.receivedTrained - (f.trainedFromReader ?? 0)] }))
    .filter((f) => (f.contributions[0] ?? 0) > 0);
  const withheld: SuppressionReason | null = others.length < k ? 'fewer_than_k' : isDominated(others) ? 'dominated' : null;
  return { withheld, hires, trainedMoves, hiringFirms: hiring.length, share: hires > 0 ? trainedMoves / hires : null };
}
