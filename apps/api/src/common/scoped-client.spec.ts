import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Request handlers read and write through the scoped client (`prisma.scoped`, `prisma.read`)
 * only. A read past the principal's scope is `prisma.crossScope(reason)`, with a reason of
 * CrossScopeReason. The unscoped clients are left to the places that act before there is a
 * principal or on the platform's behalf: sign-in and sessions, one's own profile and
 * invitations (by address, before a role exists), health checks, revoking a suspended role's
 * sessions, the benchmark report cache.
 */
const ALLOWED = new Set([
  'auth',
  'profile',
  'invitations',
  'health',
  'role-assignments/role-assignments.service.ts',
  'benchmark-reports/benchmark-reports.service.ts',
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('request handlers use the scoped client', () => {
  it('no handler outside the allowed places touches prisma.system or prisma.readSystem', () => {
    const root = path.resolve(__dirname, '..');
    const offenders = sources(root)
      .map((file) => path.relative(root, file).split(path.sep).join('/'))
      .filter((rel) => ![...ALLOWED].some((a) => rel === a || rel.startsWith(`${a}/`)))
      .filter((rel) => /\bprisma\.(system|readSystem)\b/.test(readFileSync(path.join(root, rel), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
