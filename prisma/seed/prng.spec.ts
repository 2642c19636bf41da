import { mulberry32, rngFor, uuidv7 } from './prng';
import { ORGANISATIONS, SIZE_BANDS } from './organisations';

describe('seed randomness', () => {
  it('mulberry32 repeats its sequence for a seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(first[0]);
  });

  it('keeps one independent stream per purpose', () => {
    expect(rngFor('organisations').next()).toBe(rngFor('organisations').next());
    expect(rngFor('organisations').next()).not.toBe(rngFor('users').next());
  });

  it('makes version-7 uuids that carry the row date', () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    const id = uuidv7(at, rngFor('test'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at.getTime());
  });
});

describe('seed catalogue', () => {
  it('has unique kebab-case codes', () => {
    const codes = ORGANISATIONS.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('covers every supplier size band in glmp', () => {
    const bands = new Set(
      ORGANISATIONS.filter((o) => o.kind === 'supplier' && o.memberships.some((m) => m.consortium === 'glmp')).map(({ size }) =>
        typeof size === 'string' ? size : (Object.entries(SIZE_BANDS).find(([, [min, max]]) => size >= min && size <= max)?.[0] ?? 'none'),
      ),
    );
    expect([...bands].sort()).toEqual(['large', 'medium', 'micro', 'small']);
  });
});
