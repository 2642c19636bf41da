import type { MembershipStatus, MembershipTier, OrganisationKind, Prisma } from '../generated/client';
import { CONSORTIA, consortiumBySlug } from './consortia';
import { addDays, day, rngFor, uuidv7, type Rng } from './prng';

/** Size bands of the benchmark peer groups (benchmarks.md), as employee-count ranges. */
export const SIZE_BANDS = {
  micro: [8, 19],
  small: [20, 99],
  medium: [100, 499],
  large: [500, 900],
} as const satisfies Record<string, readonly [number, number]>;
export type SizeBand = keyof typeof SIZE_BANDS;

/** Region of each county the demo uses: a benchmark peer group, so it must be consistent. */
export const COUNTY_REGIONS: Record<string, string> = {
  Milwaukee: 'Southeast Wisconsin',
  Waukesha: 'Southeast Wisconsin',
  Racine: 'Southeast Wisconsin',
  Kenosha: 'Southeast Wisconsin',
  Washington: 'Southeast Wisconsin',
  Ozaukee: 'Southeast Wisconsin',
  Walworth: 'Southeast Wisconsin',
  Sheboygan: 'Lakeshore',
  Outagamie: 'Fox Valley',
  Winnebago: 'Fox Valley',
  Calumet: 'Fox Valley',
  Dane: 'South Central Wisconsin',
};

export interface MembershipSeed {
  consortium: string;
  tier: MembershipTier;
  status: MembershipStatus;
  /** fixed join date for firms the demo story talks about; others are drawn */
  joinedOn?: string;
}

export interface OrganisationSeed {
  code: string;
  name: string;
  kind: OrganisationKind;
  naicsCode: string;
  county: string;
  /** a fixed head count, or a band to draw one from */
  size: number | SizeBand;
  unionised: boolean;
  /** bodies that do not make things report no frontline workforce or payroll */
  manufacturer: boolean;
  memberships: MembershipSeed[];
}

interface SupplierOptions {
  unionised?: boolean;
  status?: MembershipStatus;
  joinedOn?: string;
  /** also a member of this second consortium (supplies customers in both regions) */
  alsoIn?: string;
}

function supplier(consortium: string, code: string, name: string, naicsCode: string, county: string, size: number | SizeBand, options: SupplierOptions = {}): OrganisationSeed {
  const memberships: MembershipSeed[] = [
    { consortium, tier: 'supplier', status: options.status ?? 'active', ...(options.joinedOn ? { joinedOn: options.joinedOn } : {}) },
  ];
  if (options.alsoIn) memberships.push({ consortium: options.alsoIn, tier: 'supplier', status: 'active' });
  return { code, name, kind: 'supplier', naicsCode, county, size, unionised: options.unionised ?? false, manufacturer: true, memberships };
}

function customer(consortium: string, code: string, name: string, naicsCode: string, county: string, size: number, unionised: boolean, joinedOn?: string): OrganisationSeed {
  return {
    code,
    name,
    kind: 'customer',
    naicsCode,
    county,
    size,
    unionised,
    manufacturer: true,
    memberships: [{ consortium, tier: 'anchor_customer', status: 'active', ...(joinedOn ? { joinedOn } : {}) }],
  };
}

function body(consortium: string, code: string, name: string, kind: OrganisationKind, tier: MembershipTier, naicsCode: string, county: string, size: number, joinedOn: string): OrganisationSeed {
  return { code, name, kind, naicsCode, county, size, unionised: false, manufacturer: false, memberships: [{ consortium, tier, status: 'active', joinedOn }] };
}

const G = 'glmp';
const F = 'fvsn';

/**
 * The demo cast. Customers are the region's engine, equipment and machinery makers; their
 * suppliers are the foundries, machine shops, finishers and moulders the partnership was
 * set up to bring to a common training baseline. All names are fictional.
 */
export const ORGANISATIONS: readonly OrganisationSeed[] = [
  // Great Lakes Manufacturing Partnership: anchor customers (founding members)
  customer(G, 'northstar-engines', 'Northstar Engines', '333618', 'Milwaukee', 2400, true, '2023-07-01'),
  customer(G, 'lakeview-power', 'Lakeview Power Equipment', '333112', 'Waukesha', 1650, true, '2023-07-01'),
  customer(G, 'prairie-harvest', 'Prairie Harvest Tractor', '333111', 'Racine', 3100, true, '2023-07-01'),
  customer(G, 'kettle-moraine-marine', 'Kettle Moraine Marine Drives', '333618', 'Washington', 1200, false, '2023-10-01'),
  customer(G, 'menomonee-controls', 'Menomonee Valley Controls', '335314', 'Milwaukee', 1400, false, '2024-01-15'),
  customer(G, 'pike-creek-compressor', 'Pike Creek Compressor', '333912', 'Kenosha', 980, true, '2024-04-01'),
  customer(G, 'south-shore-mining', 'South Shore Mining Machinery', '333131', 'Milwaukee', 2150, true, '2024-09-01'),

  // glmp suppliers: foundries (331)
  supplier(G, 'acme-castings', 'Acme Castings', '331511', 'Milwaukee', 140, { unionised: true, joinedOn: '2023-09-01' }),
  supplier(G, 'menomonee-gray-iron', 'Menomonee Gray Iron', '331511', 'Milwaukee', 'medium', { unionised: true }),
  supplier(G, 'cream-city-steel-foundry', 'Cream City Steel Foundry', '331513', 'Milwaukee', 'large', { unionised: true }),
  supplier(G, 'root-river-aluminum', 'Root River Aluminum Casting', '331524', 'Racine', 'small'),
  supplier(G, 'kenosha-die-cast', 'Kenosha Die Cast', '331523', 'Kenosha', 'medium', { unionised: true }),
  supplier(G, 'whitewater-ductile', 'Whitewater Ductile Iron', '331511', 'Walworth', 'small'),
  // machine shops and turned parts (3327)
  supplier(G, 'badger-machining', 'Badger Machining', '332710', 'Waukesha', 64, { joinedOn: '2024-02-01' }),
  supplier(G, 'pewaukee-precision', 'Pewaukee Precision Machine', '332710', 'Waukesha', 'small'),
  supplier(G, 'fox-river-cnc', 'Fox River CNC', '332710', 'Waukesha', 'micro'),
  supplier(G, 'granville-tool-die', 'Granville Tool & Die', '332710', 'Milwaukee', 'small'),
  supplier(G, 'mukwonago-gear', 'Mukwonago Gear Cutting', '332710', 'Waukesha', 'micro'),
  supplier(G, 'cedarburg-screw', 'Cedarburg Screw Products', '332721', 'Ozaukee', 'small'),
  supplier(G, 'mequon-turned-parts', 'Mequon Turned Parts', '332721', 'Ozaukee', 'micro', { status: 'applicant' }),
  supplier(G, 'west-bend-swiss', 'West Bend Swiss Turning', '332721', 'Washington', 'small'),
  // finishing and heat treating (3328)
  supplier(G, 'lakeside-plating', 'Lakeside Plating', '332812', 'Milwaukee', 'small', { unionised: true }),
  supplier(G, 'kinnickinnic-powder-coat', 'Kinnickinnic Powder Coating', '332812', 'Milwaukee', 'micro'),
  supplier(G, 'sturtevant-finishing', 'Sturtevant Metal Finishing', '332812', 'Racine', 'small', { status: 'suspended', joinedOn: '2024-03-01' }),
  supplier(G, 'hartford-heat-treat', 'Hartford Heat Treating', '332811', 'Washington', 'small'),
  // forging, structural and other fabricated metal (3321, 3323, 3329)
  supplier(G, 'muskego-forge', 'Muskego Forge', '332111', 'Waukesha', 'medium', { unionised: true }),
  supplier(G, 'cudahy-drop-forge', 'Cudahy Drop Forge', '332111', 'Milwaukee', 'large', { unionised: true }),
  supplier(G, 'oak-creek-fabrication', 'Oak Creek Fabrication', '332999', 'Milwaukee', 'small'),
  supplier(G, 'franklin-wire-form', 'Franklin Wire Form', '332999', 'Milwaukee', 'micro'),
  supplier(G, 'delavan-spring', 'Delavan Spring & Stamping', '332999', 'Walworth', 'small'),
  supplier(G, 'cedar-grove-welding', 'Cedar Grove Welding', '332999', 'Sheboygan', 'micro'),
  supplier(G, 'st-francis-laser', 'St. Francis Laser Cutting', '332999', 'Milwaukee', 'small'),
  supplier(G, 'elkhorn-fabricators', 'Elkhorn Fabricators', '332312', 'Walworth', 'small'),
  supplier(G, 'germantown-steel-fab', 'Germantown Steel Fabricating', '332312', 'Washington', 'medium'),
  // machinery (333)
  supplier(G, 'burlington-machine-tool', 'Burlington Machine Tool', '333517', 'Racine', 'medium'),
  supplier(G, 'brookfield-spindle', 'Brookfield Spindle Works', '333517', 'Waukesha', 'small'),
  supplier(G, 'port-washington-gearbox', 'Port Washington Gearbox', '333999', 'Ozaukee', 'medium'),
  supplier(G, 'sussex-hydraulics', 'Sussex Hydraulics', '333999', 'Waukesha', 'medium'),
  supplier(G, 'racine-pump-valve', 'Racine Pump & Valve', '333999', 'Racine', 'large', { unionised: true }),
  supplier(G, 'pleasant-prairie-conveyor', 'Pleasant Prairie Conveyor', '333999', 'Kenosha', 'small', { status: 'exited', joinedOn: '2023-10-01' }),
  // plastics (326)
  supplier(G, 'kenosha-molded-plastics', 'Kenosha Molded Plastics', '326199', 'Kenosha', 'medium'),
  supplier(G, 'waukesha-polymer', 'Waukesha Polymer Components', '326199', 'Waukesha', 'small'),
  supplier(G, 'grafton-custom-plastics', 'Grafton Custom Plastics', '326199', 'Ozaukee', 'micro', { status: 'applicant' }),
  // vehicle and driveline parts (336)
  supplier(G, 'sheboygan-stampings', 'Sheboygan Precision Stampings', '336390', 'Sheboygan', 'medium', { unionised: true, alsoIn: F }),
  supplier(G, 'plymouth-brake', 'Plymouth Brake Components', '336390', 'Sheboygan', 'medium'),
  supplier(G, 'union-grove-driveline', 'Union Grove Driveline', '336390', 'Racine', 'large', { unionised: true }),
  supplier(G, 'jackson-axle', 'Jackson Axle & Shaft', '336390', 'Washington', 'small'),

  // glmp labour, training, extension and funding partners
  body(G, 'usw-1343', 'United Steelworkers Local 1343', 'union', 'labour', '813930', 'Milwaukee', 6, '2023-07-01'),
  body(G, 'lakeshore-tech', 'Lakeshore Technical College', 'college', 'partner', '611210', 'Sheboygan', 350, '2023-07-01'),
  body(G, 'sewi-mec', 'Southeast Wisconsin Manufacturing Extension Centre', 'extension_centre', 'partner', '541611', 'Milwaukee', 28, '2023-07-01'),
  body(G, 'wi-workforce', 'Wisconsin Workforce Fund', 'funder', 'associate', '813211', 'Dane', 14, '2023-08-15'),

  // Fox Valley Supplier Network
  customer(F, 'riverbend-fire-apparatus', 'Riverbend Fire Apparatus', '336120', 'Outagamie', 1800, true, '2024-04-01'),
  customer(F, 'tri-county-paper-machinery', 'Tri-County Paper Machinery', '333243', 'Winnebago', 1100, false, '2024-04-01'),
  supplier(F, 'fox-cities-gear', 'Fox Cities Gear Works', '332710', 'Outagamie', 48, { joinedOn: '2024-05-01' }),
  supplier(F, 'little-chute-fabrication', 'Little Chute Fabrication', '332312', 'Outagamie', 'small'),
  supplier(F, 'kaukauna-gray-iron', 'Kaukauna Gray Iron', '331511', 'Outagamie', 'medium', { unionised: true }),
  supplier(F, 'menasha-machine-tool', 'Menasha Machine & Tool', '332710', 'Winnebago', 'small'),
  supplier(F, 'butte-des-morts-hydraulics', 'Butte des Morts Hydraulics', '333999', 'Winnebago', 'medium'),
  supplier(F, 'harrison-powder-coating', 'Harrison Powder Coating', '332812', 'Calumet', 'micro'),
  supplier(F, 'chilton-wire-spring', 'Chilton Wire & Spring', '332999', 'Calumet', 'small', { status: 'applicant' }),
  supplier(F, 'darboy-molded-products', 'Darboy Molded Products', '326199', 'Outagamie', 'small'),
  supplier(F, 'grand-chute-driveline', 'Grand Chute Driveline', '336390', 'Outagamie', 'medium', { unionised: true }),
];

export interface OrganisationRows {
  rows: Prisma.OrganisationCreateManyInput[];
  idByCode: Map<string, string>;
  /** when the organisation was first registered: the earliest row that can point at it */
  registeredOn: Map<string, Date>;
  /** drawn join dates, so memberships and users agree on them */
  joinedOn: Map<string, Date>;
}

/** A join date for a member without a fixed one, spread between founding and the demo's "today". */
export function drawJoinDate(consortium: string, rng: Rng): Date {
  const founded = consortiumBySlug(consortium).foundedOn;
  const latest = day('2025-10-01');
  const spanMonths = Math.max(0, Math.round((latest.getTime() - founded.getTime()) / (30.4 * 86_400_000)));
  const joined = new Date(founded);
  joined.setUTCMonth(joined.getUTCMonth() + rng.int(0, spanMonths));
  return joined;
}

export function joinKey(consortium: string, code: string): string {
  return `${consortium}:${code}`;
}

export function buildOrganisations(consortiumIds: Map<string, string>): OrganisationRows {
  const rng = rngFor('organisations');
  const rows: Prisma.OrganisationCreateManyInput[] = [];
  const idByCode = new Map<string, string>();
  const registeredOn = new Map<string, Date>();
  const joinedOn = new Map<string, Date>();

  for (const org of ORGANISATIONS) {
    if (idByCode.has(org.code)) throw new Error(`duplicate organisation code ${org.code}`);
    const region = COUNTY_REGIONS[org.county];
    if (!region) throw new Error(`no region for county ${org.county}`);

    for (const m of org.memberships) {
      // an applicant's date is when the committee expects to decide; it applied weeks before
      const drawn = m.status === 'applicant' ? addDays(day('2025-12-01'), rng.int(0, 28)) : drawJoinDate(m.consortium, rng);
      joinedOn.set(joinKey(m.consortium, org.code), m.joinedOn ? day(m.joinedOn) : drawn);
    }
    const first = org.memberships[0];
    if (!first) throw new Error(`${org.code} has no membership`);
    const firstJoin = joinedOn.get(joinKey(first.consortium, org.code)) as Date;
    // staff register a firm before it applies (memberships.ts dates applications at most 45 days before joining)
    const registered = addDays(firstJoin, -rng.int(60, 90));
    const employees = typeof org.size === 'number' ? org.size : rng.int(SIZE_BANDS[org.size][0], SIZE_BANDS[org.size][1]);
    const frontline = org.manufacturer ? Math.round(employees * (0.55 + rng.next() * 0.25)) : null;
    // Southeast Wisconsin manufacturing pay runs ~$52-68k a head, loaded
    const payroll = org.manufacturer ? (employees * rng.int(52_000, 68_000)).toFixed(2) : null;

    const id = uuidv7(registered, rng);
    idByCode.set(org.code, id);
    registeredOn.set(org.code, registered);
    rows.push({
      id,
      code: org.code,
      name: org.name,
      kind: org.kind,
      naicsCode: org.naicsCode,
      county: org.county,
      region,
      employeeCount: employees,
      frontlineEmployeeCount: frontline,
      annualPayroll: payroll,
      unionised: org.unionised,
      registeredByConsortiumId: consortiumIds.get(first.consortium) ?? null,
      createdAt: registered,
      updatedAt: registered,
    });
  }
  return { rows, idByCode, registeredOn, joinedOn };
}

/** Every consortium the catalogue mentions must exist: a typo would silently drop members. */
export function assertCatalogueConsistent(): void {
  const slugs = new Set(CONSORTIA.map((c) => c.slug));
  for (const org of ORGANISATIONS) {
    for (const m of org.memberships) if (!slugs.has(m.consortium)) throw new Error(`${org.code}: unknown consortium ${m.consortium}`);
  }
}
