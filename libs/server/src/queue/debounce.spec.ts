import { debounced } from './debounce';

describe('debounced', () => {
  it('gives every call within one window the same job id, delayed to the end of that window', () => {
    const a = debounced('scorecards-recompute-p1', 5_000, 1_000_000);
    const b = debounced('scorecards-recompute-p1', 5_000, 1_004_999);
    expect(a).toEqual({ jobId: 'scorecards-recompute-p1-w200', delay: 5_000 });
    expect(b).toEqual({ jobId: 'scorecards-recompute-p1-w200', delay: 1 });
  });

  it('starts the next job at the window boundary', () => {
    expect(debounced('k', 5_000, 1_005_000)).toEqual({ jobId: 'k-w201', delay: 5_000 });
  });
});
