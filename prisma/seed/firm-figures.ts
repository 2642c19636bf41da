import type { FigureInput } from '@tandem/domain';
import type { Rng } from './prng';

/**
 * The figures a firm would plausibly report, quarter by quarter: levels that follow its trade
 * and its capability, an improvement trend for firms in the consortium's lean programme (a
 * slow drift for the others), and noise. Ratios are built from raw numerators and
 * denominators (order lines, units, dollars, hours), so the value always follows from them.
 * Pure: the same profile and stream give the same figures.
 */

export type Trade = 'foundry' | 'diecast' | 'machining' | 'turning' | 'finishing' | 'heat_treat' | 'forging' | 'fabrication' | 'machinery' | 'plastics' | 'vehicle';

export function tradeOf(naicsCode: string): Trade {
  if (naicsCode === '331523') return 'diecast';
  if (naicsCode.startsWith('331')) return 'foundry';
  if (naicsCode === '332721') return 'turning';
  if (naicsCode.startsWith('33271')) return 'machining';
  if (naicsCode === '332811') return 'heat_treat';
  if (naicsCode.startsWith('33281')) return 'finishing';
  if (naicsCode.startsWith('33211')) return 'forging';
  if (naicsCode.startsWith('332')) return 'fabrication';
  if (naicsCode.startsWith('333')) return 'machinery';
  if (naicsCode.startsWith('326')) return 'plastics';
  if (naicsCode.startsWith('336')) return 'vehicle';
  throw new Error(`no trade for NAICS ${naicsCode}`);
}

interface TradeParams {
  /** order lines shipped per employee and quarter (OTD denominator) */
  lines: number;
  /** units shipped per employee and quarter (PPM denominator) */
  units: number;
  /** typical manufacturing lead time, days */
  lead: number;
  /** typical changeover on the constraint, minutes */
  setup: number;
  /** inventory turns a year */
  turns: number;
  /** multipliers on the PPM and scrap a firm of the trade runs at */
  ppm: number;
  scrap: number;
  /** injury-rate multiplier (hot metal and presses hurt more) */
  trir: number;
}

const TRADES: Record<Trade, TradeParams> = {
  foundry: { lines: 4, units: 700, lead: 34, setup: 45, turns: 9, ppm: 1.3, scrap: 1.4, trir: 1.4 },
  diecast: { lines: 5, units: 1800, lead: 28, setup: 110, turns: 9, ppm: 1.3, scrap: 1.2, trir: 1.2 },
  machining: { lines: 9, units: 900, lead: 20, setup: 60, turns: 8, ppm: 1, scrap: 1, trir: 0.9 },
  turning: { lines: 8, units: 7000, lead: 15, setup: 40, turns: 7, ppm: 0.9, scrap: 1, trir: 0.8 },
  finishing: { lines: 12, units: 9000, lead: 8, setup: 25, turns: 24, ppm: 0.8, scrap: 0.8, trir: 1 },
  heat_treat: { lines: 10, units: 4000, lead: 7, setup: 30, turns: 26, ppm: 0.7, scrap: 0.7, trir: 1.1 },
  forging: { lines: 4, units: 800, lead: 30, setup: 90, turns: 7, ppm: 1.1, scrap: 1.2, trir: 1.4 },
  fabrication: { lines: 5, units: 500, lead: 22, setup: 35, turns: 8, ppm: 1, scrap: 1, trir: 1.1 },
  machinery: { lines: 2, units: 250, lead: 45, setup: 75, turns: 4, ppm: 1, scrap: 0.9, trir: 0.9 },
  plastics: { lines: 6, units: 6000, lead: 18, setup: 90, turns: 10, ppm: 0.9, scrap: 1.1, trir: 0.8 },
  vehicle: { lines: 6, units: 3000, lead: 25, setup: 50, turns: 11, ppm: 1, scrap: 1, trir: 1.1 },
};

/** What a firm is like; drawn once per firm. */
export interface FirmProfile {
  code: string;
  trade: Trade;
  employees: number;
  /** 0 (struggling) … 1 (best in class) */
  capability: number;
  /** in the lean programme: improves quarter after quarter */
  programme: boolean;
  /** per-quarter improvement rates (lower-is-better metrics shrink by this fraction) */
  improve: { ppm: number; lead: number; setup: number; scrap: number; cost: number };
  /** slow drift of firms outside the programme, per quarter */
  drift: number;
  linesPerEmployee: number;
  unitsPerEmployee: number;
  salesPerEmployee: number;
  cycleShare: number;
  basket: number;
}

/** ~N(0, 1) from four uniforms: bounded, which keeps the demo free of absurd draws. */
export function gauss(rng: Rng): number {
  return (rng.next() + rng.next() + rng.next() + rng.next() - 2) * Math.sqrt(3);
}

function between(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

function roundTo(n: number, step: number): number {
  return Math.round(n / step) * step;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function drawProfile(code: string, naicsCode: string, employees: number, rng: Rng, fixed: Partial<Pick<FirmProfile, 'capability' | 'programme'>> = {}): FirmProfile {
  const trade = tradeOf(naicsCode);
  const t = TRADES[trade];
  const capability = between(rng, 0.45, 0.9);
  const programme = rng.chance(0.65);
  return {
    code,
    trade,
    employees,
    capability: fixed.capability ?? capability,
    programme: fixed.programme ?? programme,
    improve: { ppm: between(rng, 0.03, 0.07), lead: between(rng, 0.02, 0.045), setup: between(rng, 0.03, 0.07), scrap: between(rng, 0.02, 0.05), cost: between(rng, 0.006, 0.014) },
    drift: between(rng, -0.008, 0.012),
    linesPerEmployee: t.lines * between(rng, 0.7, 1.3),
    unitsPerEmployee: t.units * between(rng, 0.7, 1.4),
    salesPerEmployee: between(rng, 44_000, 70_000),
    cycleShare: between(rng, 0.1, 0.28),
    basket: roundTo(between(rng, 80_000, 600_000), 100),
  };
}

/** An explicit figure of the story for one quarter: ratios get a numerator and denominator to match. */
export interface Override {
  value: number;
}

/**
 * One firm's self-reported figures for the calendar's quarters `first`…`quarters - 1`, by
 * metric code (an array per metric, indexed like the calendar; null before `first`).
 * `overrides` pins values of the story (metric → quarter index → value); `shocks` multiplies
 * a drawn value (an incident the outlier rule will flag).
 */
export function firmFigures(
  p: FirmProfile,
  rng: Rng,
  first: number,
  quarters: number,
  options: { overrides?: Record<string, Record<number, Override>>; shocks?: Record<string, Record<number, number>> } = {},
): Map<string, (FigureInput | null)[]> {
  const t = TRADES[p.trade];
  const q = p.capability;
  const out = new Map<string, (FigureInput | null)[]>();
  const series = (code: string): (FigureInput | null)[] => {
    let s = out.get(code);
    if (!s) {
      s = Array.from({ length: quarters }, () => null);
      out.set(code, s);
    }
    return s;
  };
  const pinned = (code: string, i: number): Override | undefined => options.overrides?.[code]?.[i];
  const shock = (code: string, i: number): number => options.shocks?.[code]?.[i] ?? 1;
  const lower = (rate: number, s: number) => (p.programme ? (1 - rate) ** s : (1 + p.drift) ** s);
  const higher = (rate: number, s: number) => (p.programme ? (1 + rate) ** s : (1 - p.drift / 2) ** s);

  // TRIR on a trailing twelve months (the OSHA convention): injuries spread over time by
  // carrying the fractional expectation, from a random phase, three quarters of history first
  let injuryCarry = rng.next();
  const injuries: number[] = [];
  const hours: number[] = [];
  for (let h = -3; h < 0; h++) {
    const hrs = Math.round(p.employees * 480 * (1 + 0.03 * gauss(rng)));
    injuryCarry += ((1.5 + 5 * (1 - q)) * t.trir * hrs) / 200_000;
    const n = Math.floor(injuryCarry);
    injuryCarry -= n;
    injuries.push(n);
    hours.push(hrs);
  }

  let lead = 0;
  for (let i = first; i < quarters; i++) {
    const s = i - first; // quarters since the firm's first reported one
    // OTD: order lines on time ÷ lines delivered
    {
      const start = 91 + 7.5 * q;
      const level = p.programme ? 99.3 - (99.3 - start) * 0.92 ** s : start - p.drift * 20 * s;
      const otd = pinned('OTD', i)?.value ?? Math.min(99.8, Math.max(72, level + 0.8 * gauss(rng)));
      const lines = Math.max(40, Math.round(p.employees * p.linesPerEmployee * (1 + 0.08 * gauss(rng))));
      series('OTD')[i] = { numerator: Math.min(lines, Math.round((lines * otd) / 100)), denominator: lines };
    }
    // PPM: units rejected by customers ÷ units delivered × 1e6
    {
      const base = Math.exp(Math.log(50) + (1 - q) * Math.log(20)) * t.ppm;
      const ppm = pinned('PPM', i)?.value ?? base * lower(p.improve.ppm, s) * Math.exp(0.15 * gauss(rng)) * shock('PPM', i);
      const units = Math.max(20_000, Math.round(p.employees * p.unitsPerEmployee * (1 + 0.1 * gauss(rng))));
      series('PPM')[i] = { numerator: Math.max(1, Math.round((units * ppm) / 1e6)), denominator: units };
    }
    // LEAD_TIME (median days) and CYCLE_TIME (median hours, a part of the lead time)
    {
      lead = pinned('LEAD_TIME', i)?.value ?? round1(t.lead * (1.35 - 0.55 * q) * lower(p.improve.lead, s) * Math.exp(0.05 * gauss(rng)) * shock('LEAD_TIME', i));
      series('LEAD_TIME')[i] = { value: lead };
      const cycle = pinned('CYCLE_TIME', i)?.value ?? round1(lead * 24 * p.cycleShare * Math.exp(0.06 * gauss(rng)));
      series('CYCLE_TIME')[i] = { value: Math.min(cycle, lead * 24) };
    }
    // SETUP_TIME: mean minutes per changeover
    series('SETUP_TIME')[i] = { value: pinned('SETUP_TIME', i)?.value ?? round1(t.setup * (1.35 - 0.55 * q) * lower(p.improve.setup, s) * Math.exp(0.07 * gauss(rng)) * shock('SETUP_TIME', i)) };
    // SCRAP: cost of scrap and rework ÷ sales × 100; INV_TURNS: annualised COGS ÷ average inventory
    const sales = roundTo(p.employees * p.salesPerEmployee * (1 + 0.05 * gauss(rng)), 100);
    {
      const pct = pinned('SCRAP', i)?.value ?? (0.8 + 4.2 * (1 - q)) * t.scrap * lower(p.improve.scrap, s) * Math.exp(0.1 * gauss(rng)) * shock('SCRAP', i);
      series('SCRAP')[i] = { numerator: Math.round((sales * pct) / 100), denominator: sales };
      const turns = pinned('INV_TURNS', i)?.value ?? t.turns * (0.75 + 0.5 * q) * higher(0.03, s) * Math.exp(0.05 * gauss(rng)) * shock('INV_TURNS', i);
      const cogs = roundTo(sales * 4 * 0.7, 100);
      series('INV_TURNS')[i] = { numerator: cogs, denominator: roundTo(cogs / turns, 100) };
    }
    // VA_EMP: (annualised sales − purchases) ÷ employees
    {
      const va = pinned('VA_EMP', i)?.value ?? (72_000 + 55_000 * q + (p.trade === 'machinery' ? 10_000 : 0)) * (p.programme ? 1.012 : 1.004) ** s * Math.exp(0.025 * gauss(rng));
      series('VA_EMP')[i] = { numerator: roundTo(va * p.employees, 100), denominator: p.employees };
    }
    // COST_INDEX: the reference basket this quarter ÷ the basket in the firm's baseline quarter × 100
    {
      const index = pinned('COST_INDEX', i)?.value ?? (s === 0 ? 100 : (p.programme ? 100 * (1 - p.improve.cost) ** s : 100 * (1 + Math.abs(p.drift)) ** s) + 0.7 * gauss(rng));
      series('COST_INDEX')[i] = { numerator: s === 0 && !pinned('COST_INDEX', i) ? p.basket : Math.round((p.basket * index) / 100), denominator: p.basket };
    }
    // OEE: availability × performance × quality, %
    {
      const level = 50 + 30 * q;
      const oee = pinned('OEE', i)?.value ?? round1(Math.min(95, Math.max(30, (p.programme ? 85 - (85 - level) * 0.93 ** s : level - p.drift * 30 * s) + 1.5 * gauss(rng))));
      series('OEE')[i] = { value: oee };
    }
    // TRIR: recordable injuries × 200,000 ÷ hours worked, trailing twelve months
    {
      const hrs = Math.round(p.employees * 480 * (1 + 0.03 * gauss(rng)));
      injuryCarry += ((1.5 + 5 * (1 - q)) * t.trir * (p.programme ? 0.97 ** s : 1) * hrs) / 200_000;
      const n = Math.floor(injuryCarry);
      injuryCarry -= n;
      injuries.push(n);
      hours.push(hrs);
      const k = injuries.length;
      series('TRIR')[i] = { numerator: injuries.slice(k - 4).reduce((a, b) => a + b, 0), denominator: hours.slice(k - 4).reduce((a, b) => a + b, 0) };
    }
  }
  return out;
}

/**
 * A customer's own measurement of a supplier's delivery and quality for one quarter: its
 * share of the supplier's lines and units, a little stricter on dates than the supplier's
 * own count, and its own incoming-inspection PPM.
 */
export function customerFigures(
  self: { otd: FigureInput; ppm: FigureInput },
  relationship: { share: number; otdBias: number; ppmFactor: number },
  rng: Rng,
  pinned: { OTD?: number; PPM?: number } = {},
): { OTD: FigureInput; PPM: FigureInput } {
  const lines = Math.max(20, Math.round((self.otd.denominator ?? 100) * relationship.share * (1 + 0.05 * gauss(rng))));
  const selfOtd = ((self.otd.numerator ?? 0) / (self.otd.denominator ?? 1)) * 100;
  const otd = pinned.OTD ?? Math.min(99.9, Math.max(70, selfOtd - relationship.otdBias + 0.6 * gauss(rng)));
  const units = Math.max(5_000, Math.round((self.ppm.denominator ?? 10_000) * relationship.share * (1 + 0.05 * gauss(rng))));
  const selfPpm = ((self.ppm.numerator ?? 0) / (self.ppm.denominator ?? 1)) * 1e6;
  const ppm = pinned.PPM ?? selfPpm * relationship.ppmFactor * Math.exp(0.1 * gauss(rng));
  return {
    OTD: { numerator: Math.min(lines, Math.round((lines * otd) / 100)), denominator: lines },
    PPM: { numerator: Math.max(1, Math.round((units * ppm) / 1e6)), denominator: units },
  };
}
