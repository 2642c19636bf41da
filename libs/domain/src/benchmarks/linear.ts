/**
 * Linear algebra over the totals a reader can combine (disclosure control): which sums a set of
 * published totals determines. Floating point with partial pivoting; the matrices are 0/1 or
 * percentile weights, small and well conditioned.
 */
const EPS = 1e-9;

/** Reduced row echelon form (Gauss–Jordan with partial pivoting): a basis of what the rows determine. */
export interface Echelon {
  rows: number[][];
  pivots: number[];
}

export function echelonOf(matrix: readonly (readonly number[])[], width: number): Echelon {
  const m = matrix.map((r) => [...r]);
  const pivots: number[] = [];
  let top = 0;
  for (let col = 0; col < width && top < m.length; col++) {
    let best = top;
    for (let r = top + 1; r < m.length; r++) if (Math.abs((m[r] as number[])[col] as number) > Math.abs((m[best] as number[])[col] as number)) best = r;
    const pivotValue = (m[best] as number[])[col] as number;
    if (Math.abs(pivotValue) < EPS) continue;
    [m[top], m[best]] = [m[best] as number[], m[top] as number[]];
    const pr = m[top] as number[];
    for (let c = 0; c < width; c++) pr[c] = (pr[c] as number) / pivotValue;
    for (let r = 0; r < m.length; r++) {
      if (r === top) continue;
      const row = m[r] as number[];
      const f = row[col] as number;
      if (Math.abs(f) < EPS) continue;
      for (let c = 0; c < width; c++) row[c] = (row[c] as number) - f * (pr[c] as number);
    }
    pivots.push(col);
    top += 1;
  }
  return { rows: m.slice(0, top), pivots };
}

/** Whether some combination of the rows gives exactly Σ v·x. */
export function inRowSpan(e: Echelon, v: readonly number[]): boolean {
  const rest = [...v];
  e.pivots.forEach((col, i) => {
    const f = rest[col] as number;
    if (Math.abs(f) < EPS) return;
    const row = e.rows[i] as number[];
    for (let c = 0; c < rest.length; c++) rest[c] = (rest[c] as number) - f * (row[c] as number);
  });
  return rest.every((x) => Math.abs(x) < 1e-7);
}
