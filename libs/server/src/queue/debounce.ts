/**
 * Debounce by job id: every enqueue within one window of `windowMs` gets the same job id
 * (`${key}-w${window}`; BullMQ ignores an add whose id it holds) and a delay to the end of
 * that window, so the job runs once after the window closed and sees everything done in it;
 * an enqueue after that falls into the next window's job.
 */
export function debounced(key: string, windowMs: number, now: number = Date.now()): { jobId: string; delay: number } {
  const window = Math.floor(now / windowMs);
  return { jobId: `${key}-w${window}`, delay: (window + 1) * windowMs - now };
}
