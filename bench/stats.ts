/** Latency samples in milliseconds, summarised the way the report prints them. */
export interface Summary {
  label: string;
  samples: number;
  p50: number;
  p99: number;
  /** completed operations per second over the measured window */
  rps: number;
  errors: number;
}

export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] as number;
}

export function summarise(label: string, latencies: number[], seconds: number, errors: number): Summary {
  const sorted = Float64Array.from(latencies).sort();
  return { label, samples: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), rps: sorted.length / seconds, errors };
}

export interface Target {
  label: string;
  value: string;
  target: string;
  pass: boolean;
}

export function formatReport(rows: Summary[], targets: Target[]): string {
  const table = [
    ['', 'p50 ms', 'p99 ms', 'req/s', 'samples', 'errors'],
    ...rows.map((r) => [r.label, r.p50.toFixed(2), r.p99.toFixed(2), r.rps.toFixed(0), String(r.samples), String(r.errors)]),
  ];
  const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
  const line = (row: string[]) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ');
  const out = table.map(line);
  out.push('');
  const tw = Math.max(...targets.map((t) => t.label.length));
  for (const t of targets) out.push(`${t.label.padEnd(tw)}  ${t.value.padStart(9)}  target ${t.target.padEnd(8)} ${t.pass ? 'PASS' : 'MISS'}`);
  return out.join('\n');
}

/** The median of a few timings. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Milliseconds one call takes. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
