import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { addDays, day, rngFor, uuidv7, type Rng } from '../prisma/seed/prng';

/**
 * Bulk organisations for list benchmarks, on top of the demo seed: deterministic (same rows
 * every run, so figures are comparable between runs) and loaded with COPY, since 30 000
 * Prisma creates would take longer than the benchmark itself.
 */

const PLACES = [
  'Appleton', 'Beloit', 'Brookfield', 'Burlington', 'Cedarburg', 'Chilton', 'Cudahy', 'Delafield', 'Delavan', 'Elkhorn',
  'Fond du Lac', 'Fox Point', 'Franklin', 'Germantown', 'Grafton', 'Green Bay', 'Greenfield', 'Hartford', 'Hartland', 'Janesville',
  'Jefferson', 'Kaukauna', 'Kenosha', 'Kewaskum', 'Kiel', 'Lake Geneva', 'Manitowoc', 'Menasha', 'Menomonee Falls', 'Mequon',
  'Muskego', 'Neenah', 'New Berlin', 'Oconomowoc', 'Oak Creek', 'Oshkosh', 'Pewaukee', 'Plymouth', 'Port Washington', 'Racine',
  'Ripon', 'Saukville', 'Sheboygan', 'Slinger', 'South Milwaukee', 'Sturtevant', 'Sussex', 'Two Rivers', 'Watertown', 'Waukesha',
  'Wauwatosa', 'West Allis', 'West Bend', 'Whitewater', 'Badger', 'Great Lakes', 'Lakeshore', 'Northern', 'Prairie', 'Tri-County',
];
/** One name in eight says "Steel": the benchmark's search returns a few thousand rows. */
const STEEL_SHARE = 0.125;
const MATERIALS = [
  'Iron', 'Aluminum', 'Brass', 'Precision', 'Tool', 'Plastics', 'Alloy', 'Wire', 'Gear',
  'Hydraulic', 'Fastener', 'Spring', 'Forge', 'Machine', 'Polymer', 'Metal', 'Die',
];
const NOUNS = ['Works', 'Products', 'Fabricators', 'Castings', 'Components', 'Industries', 'Manufacturing', 'Company', 'Technologies', 'Solutions'];
const SUPPLIER_NAICS = ['331511', '331513', '331524', '331523', '332111', '332312', '332710', '332721', '332811', '332812', '332999', '333517', '333999', '326199', '336390'];
const CUSTOMER_NAICS = ['333111', '333112', '333131', '333618', '333912', '335314', '336120'];
const COUNTIES: Record<string, readonly string[]> = {
  glmp: ['Milwaukee', 'Waukesha', 'Racine', 'Kenosha', 'Washington', 'Ozaukee', 'Walworth', 'Sheboygan'],
  fvsn: ['Outagamie', 'Winnebago', 'Calumet'],
};
const REGION: Record<string, string> = { glmp: 'Southeast Wisconsin', fvsn: 'Fox Valley' };
const OTHER_KINDS = [
  ['union', 'labour'],
  ['training_provider', 'partner'],
  ['extension_centre', 'partner'],
  ['agency', 'associate'],
  ['funder', 'associate'],
  ['college', 'partner'],
] as const;

export interface GeneratedCounts {
  organisations: number;
  memberships: number;
}

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function copyLine(values: readonly (string | number | boolean | null)[]): string {
  return (
    values
      .map((v) => (v === null ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')))
      .join('\t') + '\n'
  );
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

interface Plan {
  orgLines: string[];
  membershipLines: string[];
}

function plan(count: number, consortiumIds: Map<string, string>, rng: Rng): Plan {
  const orgLines: string[] = [];
  const membershipLines: string[] = [];
  const start = day('2023-01-01');
  const glmp = consortiumIds.get('glmp');
  const fvsn = consortiumIds.get('fvsn');
  if (!glmp || !fvsn) throw new Error('the demo seed must run first: consortia glmp and fvsn are missing');

  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    const [kind, tier] = roll < 0.88 ? (['supplier', 'supplier'] as const) : roll < 0.94 ? (['customer', 'anchor_customer'] as const) : rng.pick(OTHER_KINDS);
    const membershipRoll = rng.next();
    const slugs = membershipRoll < 0.6 ? ['glmp'] : membershipRoll < 0.95 ? ['fvsn'] : ['glmp', 'fvsn'];
    const home = slugs[0] as string;
    const name = `${rng.pick(PLACES)} ${rng.chance(STEEL_SHARE) ? 'Steel' : rng.pick(MATERIALS)} ${rng.pick(NOUNS)}`;
    const code = `${slug(name)}-${i + 1}`;
    const created = addDays(start, rng.int(0, 1000));
    const manufacturer = kind === 'supplier' || kind === 'customer';
    // log-uniform, so the small firms that dominate a supply base dominate here too
    const employees = kind === 'customer' ? rng.int(900, 5000) : Math.round(Math.exp(Math.log(8) + rng.next() * (Math.log(900) - Math.log(8))));
    const naics = kind === 'supplier' ? rng.pick(SUPPLIER_NAICS) : kind === 'customer' ? rng.pick(CUSTOMER_NAICS) : null;
    const county = rng.pick(COUNTIES[home] as readonly string[]);
    const id = uuidv7(created, rng);
    const createdIso = created.toISOString();
    orgLines.push(
      copyLine([
        id, code, name, kind, naics, county, REGION[home] ?? null, employees,
        manufacturer ? Math.round(employees * 0.7) : null,
        manufacturer ? (employees * rng.int(52_000, 68_000)).toFixed(2) : null,
        rng.chance(0.25), consortiumIds.get(home) ?? null, createdIso, createdIso,
      ]),
    );
    for (const s of slugs) {
      const statusRoll = rng.next();
      const status = statusRoll < 0.85 ? 'active' : statusRoll < 0.92 ? 'applicant' : statusRoll < 0.96 ? 'suspended' : 'exited';
      const joined = addDays(created, rng.int(14, 120));
      const joinedIso = status === 'applicant' ? null : joined.toISOString().slice(0, 10);
      // bench rows carry no transition history nor charter signatures: the list benchmarks never read them
      membershipLines.push(
        copyLine([
          uuidv7(created, rng), consortiumIds.get(s) ?? null, id, tier, status, joinedIso,
          status === 'exited' ? addDays(joined, 365).toISOString().slice(0, 10) : null,
          tier === 'anchor_customer' ? '25000.00' : tier === 'supplier' ? '2500.00' : '0.00',
          createdIso, createdIso,
        ]),
      );
    }
  }
  return { orgLines, membershipLines };
}

async function copyInto(client: PoolClient, sql: string, lines: string[]): Promise<void> {
  await pipeline(Readable.from(lines), client.query(copyFrom(sql)));
}

export async function generateOrganisations(client: PoolClient, count: number): Promise<GeneratedCounts> {
  const { rows } = await client.query<{ slug: string; id: string }>('SELECT slug, id FROM "Consortium"');
  const consortiumIds = new Map(rows.map((r) => [r.slug, r.id]));
  const { orgLines, membershipLines } = plan(count, consortiumIds, rngFor('bench:organisations'));
  await client.query('BEGIN');
  try {
    await copyInto(
      client,
      `COPY "Organisation" (id, code, name, kind, "naicsCode", county, region, "employeeCount", "frontlineEmployeeCount",
        "annualPayroll", unionised, "registeredByConsortiumId", "createdAt", "updatedAt") FROM STDIN`,
      orgLines,
    );
    await copyInto(
      client,
      `COPY "Membership" (id, "consortiumId", "organisationId", tier, status, "joinedAt", "exitedAt", "annualDues",
        "createdAt", "updatedAt") FROM STDIN`,
      membershipLines,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  // The membership trigger rewrites every organisation row it touches (consortiumIds), leaving
  // a dead version of each: until autovacuum comes by, counts visit twice the pages and the
  // planner scans the table rather than the trigram indexes. A list in service runs on a
  // vacuumed table, so the benchmark measures one. Fresh statistics too, or the planner
  // guesses row counts for the list query from an empty table.
  await client.query('VACUUM ANALYZE "Organisation", "Membership"');
  return { organisations: orgLines.length, memberships: membershipLines.length };
}
