/**
 * One Redis key prefix per test file (under the run's, so global teardown still removes it).
 * Test files start API and worker instances in their own process; with one prefix for the
 * whole run, a worker of one file (even while it was closing) could take another file's jobs
 * and that file would wait for them in vain. Set before the test file is loaded, so every
 * configuration read at boot sees it.
 */
import path from 'node:path';

const testPath = expect.getState().testPath;
if (testPath && process.env.REDIS_PREFIX) {
  const name = path.basename(testPath).replace(/\.(e2e-spec|int-spec|browser-spec|spec)\.tsx?$/, '').replace(/[^a-zA-Z0-9_-]/g, '_');
  process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX}_${name}`;
}
