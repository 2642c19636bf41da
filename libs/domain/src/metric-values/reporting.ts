import type { MetricDirection, MetricFrequency, MetricReporter, Role } from '@tandem/contracts';
import { DEFAULT_OUTLIER_FACTOR } from './catalogue';
import { fillMessage, type Slots } from './messages';
import type { MetricRule, ReportingSide } from './validation';

/**
 * Who reports for whom (metrics.md): a firm reports its own figures; a customer buyer
 * reports about a supplier it has a supply relationship with; consortium staff may enter any
 * member's figures, and a customer's report about a supplier of that customer. Whoever
 * reported a value is the one who changes it (staff any). The API (single value and bulk
 * push) and the console decide with these functions; the checks that need the database
 * (is it a supplier, a member, a relationship) are named here and run there.
 */
export interface Reporter {
  role: Role;
  /** the reporter's own organisation (firms and buyers); null for staff */
  organisationId: string | null;
}

export function isStaffRole(role: Role): boolean {
  return role === 'consortium_staff' || role === 'platform_admin';
}

/** firm: about itself; buyer: about its suppliers, as their customer; staff: for any member. */
export type ReportingMode = 'firm' | 'buyer' | 'staff';

export function reportingModeOf(r: Pick<Reporter, 'role'>): ReportingMode {
  if (isStaffRole(r.role)) return 'staff';
  return r.role === 'customer_buyer' ? 'buyer' : 'firm';
}

/** A value reported by a customer about its supplier has the customer; the firm's own has none. */
export function sideOf(customerId: string | null): ReportingSide {
  return customerId ? 'customer' : 'supplier';
}

/** Whoever reported a value changes it: the firm its own figures, a customer its own reports; staff any. */
export function isReporterOf(r: Reporter, v: { organisationId: string; customerId: string | null }): boolean {
  const mode = reportingModeOf(r);
  if (mode === 'staff') return true;
  if (!r.organisationId) return false;
  if (mode === 'buyer') return v.customerId !== null && v.customerId === r.organisationId;
  return v.customerId === null && v.organisationId === r.organisationId;
}

/**
 * Messages of the reporting rule, as templates (messages.ts): the single-value routes name
 * organisations by id, the bulk push by code ({own}, {code}).
 */
export const REPORTING_MESSAGES = {
  notReporter: 'This value was reported by {whom}; only its reporter or consortium staff can change it',
  buyer_for_other: 'a buyer reports for its own organisation only',
  supplier_required: 'is required: the supplier the figure is about',
  firm_for_other: 'a firm reports figures of its own organisation only',
  customer_only: 'only a customer reports figures about its suppliers',
  organisation_required: 'is required',
  notSupplier: 'is not a supplier of your organisation (no supply relationship in this consortium)',
  notMember: 'is not a member of this consortium',
  noRelationship: 'has no supply relationship with this supplier',
  notInConsortium: 'your organisation is not part of this consortium',
  bulkBuyerForOther: 'must be your own organisation ({own}): a buyer reports for its own organisation only',
  bulkNotSupplier: 'must be one of your suppliers: an organisation with a supply relationship with {own} in this consortium',
  bulkFirmForOther: 'must be your own organisation ({own}): a firm pushes its own figures only',
  bulkUnknown: 'unknown organisation "{code}" in this consortium',
  bulkNoRelationship: 'no supply relationship between this customer and this supplier',
} as const;

export function reportingMessage(kind: keyof typeof REPORTING_MESSAGES, slots: Slots = {}): string {
  return fillMessage(REPORTING_MESSAGES[kind], slots);
}

/** Why a change of someone else's value is refused. */
export function notReporterMessage(v: { customerId: string | null }): string {
  return reportingMessage('notReporter', { whom: v.customerId ? 'a customer' : 'the firm' });
}

/**
 * What a reporter named, resolved as far as it can be without the database: the figure's
 * organisation and customer, its side, and the check that remains (`supplier`: the
 * organisation must be a supplier of the customer; `member`: the organisation must be a
 * member, and a customer named beside it must have a relationship with it).
 */
export type ReportingClaim =
  | { ok: true; organisationId: string; customerId: string | null; side: ReportingSide; check: 'none' | 'supplier' | 'member' }
  | { ok: false; path: 'organisationId' | 'customerId'; reason: ReportingRefusal };

export type ReportingRefusal = 'buyer_for_other' | 'supplier_required' | 'firm_for_other' | 'customer_only' | 'organisation_required';

export function claimReporting(r: Reporter, named: { organisationId?: string | null; customerId?: string | null }): ReportingClaim {
  const mode = reportingModeOf(r);
  const organisationId = named.organisationId ?? undefined;
  const customerId = named.customerId ?? null;
  if (mode === 'buyer') {
    if (!r.organisationId || (customerId && customerId !== r.organisationId)) return { ok: false, path: 'customerId', reason: 'buyer_for_other' };
    if (!organisationId) return { ok: false, path: 'organisationId', reason: 'supplier_required' };
    return { ok: true, organisationId, customerId: r.organisationId, side: 'customer', check: 'supplier' };
  }
  if (mode === 'firm') {
    if (!r.organisationId || (organisationId !== undefined && organisationId !== r.organisationId)) return { ok: false, path: 'organisationId', reason: 'firm_for_other' };
    if (customerId) return { ok: false, path: 'customerId', reason: 'customer_only' };
    return { ok: true, organisationId: r.organisationId, customerId: null, side: 'supplier', check: 'none' };
  }
  if (!organisationId) return { ok: false, path: 'organisationId', reason: 'organisation_required' };
  return { ok: true, organisationId, customerId, side: sideOf(customerId), check: 'member' };
}

/**
 * A metric definition as it is read anywhere (Prisma row with decimals, pg row with
 * numbers, a catalogue entry with its standard fields): the one mapping to the rule that
 * validation applies.
 */
type NumberLike = number | { toNumber(): number };
export interface MetricDefinitionLike {
  code: string;
  unit: string;
  direction: MetricDirection;
  minValue: NumberLike | null;
  maxValue: NumberLike | null;
  frequency: MetricFrequency;
  reporters: readonly MetricReporter[];
  isRatio: boolean;
  ratioScale: NumberLike | null;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  outlierFactor: NumberLike;
  enabled: boolean;
}

const toNum = (n: NumberLike): number => (typeof n === 'number' ? n : n.toNumber());
const toNumOrNull = (n: NumberLike | null): number | null => (n === null ? null : toNum(n));

export function metricRuleOf(d: MetricDefinitionLike): MetricRule {
  const factor = toNum(d.outlierFactor);
  return {
    code: d.code,
    unit: d.unit,
    direction: d.direction,
    minValue: toNumOrNull(d.minValue),
    maxValue: toNumOrNull(d.maxValue),
    frequency: d.frequency,
    reporters: d.reporters,
    isRatio: d.isRatio,
    ratioScale: toNumOrNull(d.ratioScale),
    numeratorLabel: d.numeratorLabel,
    denominatorLabel: d.denominatorLabel,
    outlierFactor: factor > 1 ? factor : DEFAULT_OUTLIER_FACTOR,
    enabled: d.enabled,
  };
}
