/** Prisma decimals leave the API as numbers, dates as ISO strings. */
export function num(value: { toNumber(): number } | null | undefined): number | null {
  return value === null || value === undefined ? null : value.toNumber();
}

export function iso(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}

export function isoDate(value: Date | null | undefined): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}
