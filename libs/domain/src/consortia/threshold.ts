import { DISCLOSURE_THRESHOLD_MIN } from '@tandem/contracts';

/** The disclosure threshold k may be raised but never set below the floor of benchmarks.md. */
export function isValidDisclosureThreshold(k: number): boolean {
  return Number.isInteger(k) && k >= DISCLOSURE_THRESHOLD_MIN;
}

/** URL-safe slug for a consortium or organisation code. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
