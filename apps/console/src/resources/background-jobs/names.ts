/** Job names as staff read them. */
const NAMES: Record<string, string> = {
  'scorecards.recompute': 'Scorecard recompute',
  'benchmarks.recompute': 'Benchmark recompute',
  'reminders.send': 'Due-date reminders',
  'commitments.evaluate': 'Commitments evaluation',
  'training-figures.derive': 'Training metrics from training records',
};

export function backgroundJobName(name: string): string {
  return NAMES[name] ?? name;
}
