import type { Prisma, SourcingMode } from '../generated/client';
import { addDays, day, rngFor, uuidv7, type Rng } from './prng';

/**
 * Who buys what from whom in glmp. Each supplier sells to one to three of the seven anchor
 * customers; the commodity follows the supplier's trade. Two constraints the tests rely on:
 * Northstar Engines buys castings from Acme Castings, and Badger Machining is NOT a Northstar
 * supplier (so "a buyer sees only its own suppliers" has a firm to be refused), and Lakeview
 * Power does not buy from Acme (so Lakeview's buyer sees none of Acme's figures).
 */

export interface RelationshipSeed {
  customer: string;
  supplier: string;
  commodity: string;
  /** fixed parts of the story; everything else is drawn */
  since?: string;
  spendBand?: string;
  mode?: SourcingMode;
  sponsored?: boolean;
  /** later sourcing-mode changes, oldest first */
  changes?: { to: SourcingMode; on: string; reason: string }[];
}

const NS = 'northstar-engines';
const LV = 'lakeview-power';
const PH = 'prairie-harvest';
const KM = 'kettle-moraine-marine';
const MC = 'menomonee-controls';
const PC = 'pike-creek-compressor';
const SS = 'south-shore-mining';

const RECIPROCITY = 'Multi-year agreement under the charter: the supplier committed to the lean programme, the customer to three-year sourcing.';

export const RELATIONSHIPS: readonly RelationshipSeed[] = [
  {
    customer: NS,
    supplier: 'acme-castings',
    commodity: 'grey iron cylinder-block and head castings',
    since: '2014-03-01',
    spendBand: '5-20M USD',
    mode: 'annual_rebid',
    sponsored: true,
    changes: [{ to: 'multi_year', on: '2025-07-01', reason: 'Three-year casting agreement signed at the GLMP steering committee: Acme joined the lean programme, Northstar ended yearly rebids.' }],
  },
  { customer: PH, supplier: 'acme-castings', commodity: 'ductile iron axle housings', since: '2017-09-01', spendBand: '1-5M USD', mode: 'multi_year' },
  { customer: NS, supplier: 'menomonee-gray-iron', commodity: 'grey iron flywheel housings' },
  { customer: PC, supplier: 'menomonee-gray-iron', commodity: 'grey iron compressor crankcases' },
  { customer: SS, supplier: 'cream-city-steel-foundry', commodity: 'steel castings for crusher frames' },
  { customer: PH, supplier: 'cream-city-steel-foundry', commodity: 'steel castings' },
  { customer: KM, supplier: 'root-river-aluminum', commodity: 'aluminium gearcase castings' },
  { customer: LV, supplier: 'root-river-aluminum', commodity: 'aluminium deck castings' },
  { customer: PC, supplier: 'kenosha-die-cast', commodity: 'die-cast valve plates', mode: 'annual_rebid', sponsored: true },
  { customer: MC, supplier: 'kenosha-die-cast', commodity: 'die-cast enclosures' },
  { customer: PH, supplier: 'whitewater-ductile', commodity: 'ductile iron hubs' },
  { customer: MC, supplier: 'badger-machining', commodity: 'machined aluminium heat sinks', since: '2019-05-01', spendBand: '250k-1M USD', mode: 'annual_rebid', sponsored: true },
  { customer: KM, supplier: 'badger-machining', commodity: 'machined propeller-shaft couplings', since: '2021-02-01', spendBand: '250k-1M USD', mode: 'multi_year' },
  { customer: NS, supplier: 'pewaukee-precision', commodity: 'machined fuel-system brackets' },
  { customer: LV, supplier: 'pewaukee-precision', commodity: 'machined spindle housings' },
  { customer: LV, supplier: 'fox-river-cnc', commodity: 'machined brackets', mode: 'annual_rebid' },
  { customer: PH, supplier: 'granville-tool-die', commodity: 'stamping dies and fixtures' },
  { customer: SS, supplier: 'granville-tool-die', commodity: 'wear-part tooling' },
  { customer: KM, supplier: 'mukwonago-gear', commodity: 'spiral bevel gears' },
  { customer: PH, supplier: 'mukwonago-gear', commodity: 'spur gears' },
  { customer: MC, supplier: 'cedarburg-screw', commodity: 'screw-machine terminals' },
  { customer: NS, supplier: 'cedarburg-screw', commodity: 'screw-machine fittings' },
  { customer: MC, supplier: 'west-bend-swiss', commodity: 'Swiss-turned contact pins' },
  { customer: KM, supplier: 'west-bend-swiss', commodity: 'Swiss-turned shafts' },
  { customer: NS, supplier: 'lakeside-plating', commodity: 'zinc-nickel plating' },
  { customer: MC, supplier: 'lakeside-plating', commodity: 'tin plating' },
  { customer: LV, supplier: 'kinnickinnic-powder-coat', commodity: 'powder coating' },
  { customer: PC, supplier: 'sturtevant-finishing', commodity: 'phosphate and paint finishing' },
  { customer: NS, supplier: 'hartford-heat-treat', commodity: 'induction hardening of crankshafts' },
  { customer: PH, supplier: 'hartford-heat-treat', commodity: 'carburising of gears' },
  { customer: SS, supplier: 'hartford-heat-treat', commodity: 'through-hardening of wear parts' },
  { customer: NS, supplier: 'muskego-forge', commodity: 'connecting-rod forgings', mode: 'multi_year', sponsored: true },
  { customer: SS, supplier: 'muskego-forge', commodity: 'forged pins and bushings' },
  { customer: PH, supplier: 'cudahy-drop-forge', commodity: 'steering-knuckle forgings' },
  { customer: SS, supplier: 'cudahy-drop-forge', commodity: 'forged rock-drill components' },
  {
    customer: NS,
    supplier: 'cudahy-drop-forge',
    commodity: 'crankshaft forgings',
    mode: 'multi_year',
    changes: [{ to: 'strategic_partnership', on: '2026-01-01', reason: 'Joint development of the next-generation crankshaft; shared tooling investment.' }],
  },
  { customer: SS, supplier: 'oak-creek-fabrication', commodity: 'welded guards and frames' },
  { customer: MC, supplier: 'franklin-wire-form', commodity: 'wire forms and clips' },
  { customer: LV, supplier: 'franklin-wire-form', commodity: 'wire grass-catcher frames' },
  { customer: LV, supplier: 'delavan-spring', commodity: 'compression springs and stampings' },
  { customer: MC, supplier: 'delavan-spring', commodity: 'contact springs' },
  { customer: PH, supplier: 'cedar-grove-welding', commodity: 'welded hitch assemblies' },
  { customer: SS, supplier: 'st-francis-laser', commodity: 'laser-cut plate blanks' },
  { customer: PC, supplier: 'st-francis-laser', commodity: 'laser-cut baffles' },
  { customer: PH, supplier: 'elkhorn-fabricators', commodity: 'structural weldments' },
  { customer: SS, supplier: 'germantown-steel-fab', commodity: 'structural frames' },
  { customer: PH, supplier: 'germantown-steel-fab', commodity: 'loader frames' },
  { customer: PC, supplier: 'burlington-machine-tool', commodity: 'special-purpose machining fixtures' },
  { customer: LV, supplier: 'brookfield-spindle', commodity: 'blade spindles' },
  { customer: SS, supplier: 'port-washington-gearbox', commodity: 'conveyor gearboxes' },
  { customer: PH, supplier: 'port-washington-gearbox', commodity: 'PTO gearboxes' },
  { customer: SS, supplier: 'sussex-hydraulics', commodity: 'hydraulic cylinders' },
  { customer: PH, supplier: 'sussex-hydraulics', commodity: 'hydraulic valve blocks' },
  { customer: PC, supplier: 'racine-pump-valve', commodity: 'relief valves' },
  { customer: SS, supplier: 'racine-pump-valve', commodity: 'slurry pump impellers' },
  { customer: KM, supplier: 'racine-pump-valve', commodity: 'raw-water pumps' },
  { customer: LV, supplier: 'kenosha-molded-plastics', commodity: 'moulded engine shrouds' },
  { customer: MC, supplier: 'kenosha-molded-plastics', commodity: 'moulded relay housings' },
  { customer: MC, supplier: 'waukesha-polymer', commodity: 'moulded terminal blocks' },
  { customer: NS, supplier: 'sheboygan-stampings', commodity: 'valve-cover and oil-pan stampings' },
  { customer: LV, supplier: 'sheboygan-stampings', commodity: 'deck stampings' },
  { customer: KM, supplier: 'sheboygan-stampings', commodity: 'mounting brackets' },
  { customer: PH, supplier: 'plymouth-brake', commodity: 'brake discs and calipers' },
  { customer: PH, supplier: 'union-grove-driveline', commodity: 'driveline shafts' },
  { customer: SS, supplier: 'union-grove-driveline', commodity: 'cardan shafts' },
  { customer: PH, supplier: 'jackson-axle', commodity: 'axle shafts' },
  { customer: KM, supplier: 'jackson-axle', commodity: 'propeller shafts' },
];

const SPEND_BANDS = ['<250k USD', '250k-1M USD', '1-5M USD', '5-20M USD'] as const;

/** Effective dates of the drawn annual-rebid → multi-year moves of 2025–2026. */
const MOVE_DATES = ['2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01'];

export interface SupplyRows {
  relationships: Prisma.SupplyRelationshipCreateManyInput[];
  modeChanges: Prisma.SourcingModeChangeCreateManyInput[];
  /** `${customer}>${supplier}` (organisation codes) → relationship id */
  idByPair: Map<string, string>;
  /** relationship id → the row, for the scorecards */
  byId: Map<string, Prisma.SupplyRelationshipCreateManyInput>;
}

export function pairKey(customer: string, supplier: string): string {
  return `${customer}>${supplier}`;
}

function drawMode(rng: Rng): SourcingMode {
  const r = rng.next();
  return r < 0.45 ? 'annual_rebid' : r < 0.8 ? 'multi_year' : r < 0.93 ? 'sole_source' : 'strategic_partnership';
}

/**
 * Relationships with their sourcing-mode history, the way the API records them: a first
 * change (none → the mode at `since`, "relationship recorded") when staff enter the
 * relationship, then one row per later change. A few annual-rebid relationships move to
 * multi-year in 2025–26 (the customers' side of the reciprocity bargain); one customer moves
 * a supplier back to yearly rebids, which the reciprocity view should make visible.
 */
export function buildSupply(input: {
  consortiumId: string;
  idByCode: Map<string, string>;
  /** `glmp:${code}` → join date, to date when staff recorded the relationship */
  joinedOn: (code: string) => Date;
  staffUserId: string | null;
}): SupplyRows {
  const rng = rngFor('supply-relationships');
  const relationships: Prisma.SupplyRelationshipCreateManyInput[] = [];
  const modeChanges: Prisma.SourcingModeChangeCreateManyInput[] = [];
  const idByPair = new Map<string, string>();
  const byId = new Map<string, Prisma.SupplyRelationshipCreateManyInput>();
  let drawnMoves = 0;
  let regressed = false;

  for (const r of RELATIONSHIPS) {
    const key = pairKey(r.customer, r.supplier);
    if (idByPair.has(key)) throw new Error(`duplicate relationship ${key}`);
    const customerId = input.idByCode.get(r.customer);
    const supplierId = input.idByCode.get(r.supplier);
    if (!customerId || !supplierId) throw new Error(`relationship ${key}: unknown organisation`);

    const since = r.since ? day(r.since) : new Date(Date.UTC(rng.int(2008, 2023), rng.int(0, 11), 1));
    const spendBand = r.spendBand ?? rng.pick(SPEND_BANDS);
    const initial = r.mode ?? drawMode(rng);
    const sponsored = r.sponsored ?? rng.chance(0.3);
    // staff record a relationship in the weeks after the later of the two firms joined
    const joined = Math.max(input.joinedOn(r.customer).getTime(), input.joinedOn(r.supplier).getTime());
    const recorded = addDays(new Date(joined), rng.int(7, 40));

    let changes = r.changes ?? [];
    // a drawn move takes effect at least a month after staff recorded the relationship
    const eligible = MOVE_DATES.filter((d) => day(d).getTime() > addDays(recorded, 30).getTime());
    const moveOn = eligible.length > 0 ? rng.pick(eligible) : undefined;
    if (!r.changes && !r.mode && initial === 'annual_rebid' && moveOn && drawnMoves < 5 && rng.chance(0.5)) {
      changes = [{ to: 'multi_year', on: moveOn, reason: RECIPROCITY }];
      drawnMoves++;
    } else if (!r.changes && !r.mode && initial === 'multi_year' && !sponsored && !regressed && recorded < day('2026-02-01') && rng.chance(0.3)) {
      changes = [{ to: 'annual_rebid', on: '2026-04-01', reason: 'Customer returned the part family to yearly bidding after a corporate sourcing review.' }];
      regressed = true;
    }

    const id = uuidv7(recorded, rng);
    modeChanges.push({ id: uuidv7(recorded, rng), relationshipId: id, fromMode: null, toMode: initial, effectiveOn: since, reason: 'relationship recorded', actorUserId: input.staffUserId, createdAt: recorded });
    let mode = initial;
    let updatedAt = recorded;
    for (const change of changes) {
      const on = day(change.on);
      // recorded the week before it takes effect, and never before the relationship itself
      const at = new Date(Math.max(addDays(on, -rng.int(3, 10)).getTime(), recorded.getTime() + 86_400_000));
      modeChanges.push({ id: uuidv7(at, rng), relationshipId: id, fromMode: mode, toMode: change.to, effectiveOn: on, reason: change.reason, actorUserId: input.staffUserId, createdAt: at });
      mode = change.to;
      updatedAt = at;
    }
    const row: Prisma.SupplyRelationshipCreateManyInput = {
      id,
      consortiumId: input.consortiumId,
      customerId,
      supplierId,
      since,
      commodity: r.commodity,
      spendBand,
      sourcingMode: mode,
      sponsored,
      createdAt: recorded,
      updatedAt,
    };
    relationships.push(row);
    idByPair.set(key, id);
    byId.set(id, row);
  }
  return { relationships, modeChanges, idByPair, byId };
}
