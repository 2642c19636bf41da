/**
 * For tests only (not exported by the library): an oracle for disclosure, independent of libs/domain's implementation (one column per
 * firm, not atoms): the unknown firms whose value a reader could work out exactly from the
 * totals (n × mean) of the groups it is shown, by any linear combination of them, given the
 * firms whose values it already knows. Gaussian elimination; small cases only.
 */
export function recoverable(shown: readonly ReadonlySet<string>[], known: ReadonlySet<string>): string[] {
  const ids = [...new Set(shown.flatMap((m) => [...m]))].filter((id) => !known.has(id)).sort();
  const rank = (rows: number[][]): number => {
    const a = rows.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < ids.length && r < a.length; c++) {
      const p = a.findIndex((row, i) => i >= r && Math.abs(row[c] as number) > 1e-9);
      if (p < 0) continue;
      [a[r], a[p]] = [a[p] as number[], a[r] as number[]];
      for (let i = 0; i < a.length; i++) {
        const f = i === r ? 0 : ((a[i] as number[])[c] as number) / ((a[r] as number[])[c] as number);
        if (f !== 0) a[i] = (a[i] as number[]).map((x, j) => x - f * ((a[r] as number[])[j] as number));
      }
      r += 1;
    }
    return r;
  };
  const rows = shown.map((m) => ids.map((id) => (m.has(id) ? 1 : 0)));
  const base = rank(rows);
  return ids.filter((_id, i) => rank([...rows, ids.map((_, j) => (j === i ? 1 : 0))]) === base);
}
