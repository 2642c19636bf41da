/**
 * Polls `probe` until it answers something (not undefined) and returns that; fails naming
 * `what` after `ms`. For what the worker does in the background (runs, reports, scorecards).
 */
export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, ms = 30_000, every = 100): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}
