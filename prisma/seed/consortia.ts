import type { Prisma, ReportingCalendar } from '../generated/client';
import { addDays, day, rngFor, uuidv7 } from './prng';

export interface ConsortiumSeed {
  slug: string;
  name: string;
  region: string;
  fiscalYearStartMonth: number;
  disclosureThreshold: number;
  reportingCalendar: ReportingCalendar;
  /** the steering committee's founding date: the earliest any member can have joined */
  foundedOn: Date;
}

export const CONSORTIA: readonly ConsortiumSeed[] = [
  {
    slug: 'glmp',
    name: 'Great Lakes Manufacturing Partnership',
    region: 'Southeast Wisconsin',
    // follows the State of Wisconsin's fiscal year, which its grants are budgeted in
    fiscalYearStartMonth: 7,
    disclosureThreshold: 5,
    reportingCalendar: 'quarterly',
    foundedOn: day('2023-07-01'),
  },
  {
    slug: 'fvsn',
    name: 'Fox Valley Supplier Network',
    region: 'Fox Valley',
    fiscalYearStartMonth: 1,
    disclosureThreshold: 5,
    reportingCalendar: 'quarterly',
    foundedOn: day('2024-04-01'),
  },
];

export function consortiumBySlug(slug: string): ConsortiumSeed {
  const found = CONSORTIA.find((c) => c.slug === slug);
  if (!found) throw new Error(`unknown consortium ${slug}`);
  return found;
}

export interface ConsortiumRows {
  rows: Prisma.ConsortiumCreateManyInput[];
  idBySlug: Map<string, string>;
}

export function buildConsortia(): ConsortiumRows {
  const rng = rngFor('consortia');
  const idBySlug = new Map<string, string>();
  const rows = CONSORTIA.map((c): Prisma.ConsortiumCreateManyInput => {
    // the platform was set up for a consortium a quarter before its founding meeting
    const createdAt = addDays(c.foundedOn, -90);
    const id = uuidv7(createdAt, rng);
    idBySlug.set(c.slug, id);
    return {
      id,
      name: c.name,
      slug: c.slug,
      region: c.region,
      fiscalYearStartMonth: c.fiscalYearStartMonth,
      disclosureThreshold: c.disclosureThreshold,
      reportingCalendar: c.reportingCalendar,
      createdAt,
      updatedAt: createdAt,
    };
  });
  return { rows, idBySlug };
}
