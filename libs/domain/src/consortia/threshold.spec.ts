import { isValidDisclosureThreshold, slugify } from './threshold';

describe('disclosure threshold', () => {
  it('is never below 3', () => {
    expect(isValidDisclosureThreshold(2)).toBe(false);
    expect(isValidDisclosureThreshold(3)).toBe(true);
    expect(isValidDisclosureThreshold(5)).toBe(true);
    expect(isValidDisclosureThreshold(4.5)).toBe(false);
  });
  it('slugifies names', () => {
    expect(slugify('Great Lakes Manufacturing Partnership')).toBe('great-lakes-manufacturing-partnership');
    expect(slugify('  Société Générale! ')).toBe('societe-generale');
  });
});
