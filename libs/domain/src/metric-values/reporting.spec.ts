import { catalogueMetric, standardDefinitionFields, type CatalogueMetric } from './catalogue';
import { fillMessage, VALUE_MESSAGES } from './messages';
import { claimReporting, isReporterOf, metricRuleOf, notReporterMessage, reportingModeOf } from './reporting';
import { detectOutlier, resolveFigures, ruleSlots, checkRange } from './validation';

const FIRM = '00000000-0000-7000-8000-000000000001';
const BUYER = '00000000-0000-7000-8000-000000000002';
const OTHER = '00000000-0000-7000-8000-000000000003';

describe('who reports for whom', () => {
  it('knows the mode of each role', () => {
    expect(reportingModeOf({ role: 'firm_admin' })).toBe('firm');
    expect(reportingModeOf({ role: 'firm_contributor' })).toBe('firm');
    expect(reportingModeOf({ role: 'customer_buyer' })).toBe('buyer');
    expect(reportingModeOf({ role: 'consortium_staff' })).toBe('staff');
    expect(reportingModeOf({ role: 'platform_admin' })).toBe('staff');
  });

  it('lets the reporter of a value change it, and staff any', () => {
    const own = { organisationId: FIRM, customerId: null };
    const reportedByBuyer = { organisationId: FIRM, customerId: BUYER };
    expect(isReporterOf({ role: 'firm_contributor', organisationId: FIRM }, own)).toBe(true);
    expect(isReporterOf({ role: 'firm_contributor', organisationId: FIRM }, reportedByBuyer)).toBe(false);
    expect(isReporterOf({ role: 'firm_contributor', organisationId: OTHER }, own)).toBe(false);
    expect(isReporterOf({ role: 'customer_buyer', organisationId: BUYER }, reportedByBuyer)).toBe(true);
    expect(isReporterOf({ role: 'customer_buyer', organisationId: BUYER }, own)).toBe(false);
    expect(isReporterOf({ role: 'customer_buyer', organisationId: null }, { organisationId: FIRM, customerId: null })).toBe(false);
    expect(isReporterOf({ role: 'consortium_staff', organisationId: null }, reportedByBuyer)).toBe(true);
    expect(notReporterMessage(reportedByBuyer)).toBe('This value was reported by a customer; only its reporter or consortium staff can change it');
  });

  it('resolves what each role names, leaving the database checks named', () => {
    const firm = { role: 'firm_contributor', organisationId: FIRM } as const;
    expect(claimReporting(firm, {})).toEqual({ ok: true, organisationId: FIRM, customerId: null, side: 'supplier', check: 'none' });
    expect(claimReporting(firm, { organisationId: OTHER })).toEqual({ ok: false, path: 'organisationId', reason: 'firm_for_other' });
    expect(claimReporting(firm, { customerId: BUYER })).toEqual({ ok: false, path: 'customerId', reason: 'customer_only' });
    const buyer = { role: 'customer_buyer', organisationId: BUYER } as const;
    expect(claimReporting(buyer, { organisationId: FIRM })).toEqual({ ok: true, organisationId: FIRM, customerId: BUYER, side: 'customer', check: 'supplier' });
    expect(claimReporting(buyer, {})).toEqual({ ok: false, path: 'organisationId', reason: 'supplier_required' });
    expect(claimReporting(buyer, { organisationId: FIRM, customerId: OTHER })).toEqual({ ok: false, path: 'customerId', reason: 'buyer_for_other' });
    const staff = { role: 'consortium_staff', organisationId: null } as const;
    expect(claimReporting(staff, {})).toEqual({ ok: false, path: 'organisationId', reason: 'organisation_required' });
    expect(claimReporting(staff, { organisationId: FIRM })).toEqual({ ok: true, organisationId: FIRM, customerId: null, side: 'supplier', check: 'member' });
    expect(claimReporting(staff, { organisationId: FIRM, customerId: BUYER })).toEqual({ ok: true, organisationId: FIRM, customerId: BUYER, side: 'customer', check: 'member' });
  });
});

describe('definition → rule', () => {
  it('reads decimals and numbers alike and defaults a factor of 1 or less', () => {
    const dec = (n: number) => ({ toNumber: () => n });
    const otd = standardDefinitionFields(catalogueMetric('OTD') as CatalogueMetric);
    const fromNumbers = metricRuleOf(otd);
    const fromDecimals = metricRuleOf({ ...otd, minValue: dec(0), maxValue: dec(100), ratioScale: dec(100), outlierFactor: dec(3) });
    expect(fromDecimals).toEqual(fromNumbers);
    expect(fromNumbers).toMatchObject({ code: 'OTD', minValue: 0, maxValue: 100, ratioScale: 100, isRatio: true, outlierFactor: 3, enabled: true });
    expect(metricRuleOf({ ...otd, outlierFactor: 1 }).outlierFactor).toBe(3);
    expect(metricRuleOf({ ...otd, outlierFactor: 5 }).outlierFactor).toBe(5);
  });
});

describe('message templates', () => {
  it('fills the slots given and leaves the others for a later fill', () => {
    expect(fillMessage('{code} got {value}', { code: 'OTD' })).toBe('OTD got {value}');
    expect(fillMessage('{code} got {value}', { code: 'OTD', value: 10000.5 })).toBe('OTD got 10,000.5');
    // one pass: a filled-in text that looks like a slot stays as it is
    expect(fillMessage('{code} got {value}', { code: '{value}', value: 1 })).toBe('{value} got 1');
  });

  it('filled in two steps (metric, then row) read exactly like the rule itself', () => {
    const otd = metricRuleOf(standardDefinitionFields(catalogueMetric('OTD') as CatalogueMetric));
    const twoSteps = (template: string, row: Record<string, number | string>) => fillMessage(fillMessage(template, ruleSlots(otd)), row);
    expect(twoSteps(VALUE_MESSAGES.range, { value: 120 })).toBe(checkRange(otd, 120)?.message);
    expect(twoSteps(VALUE_MESSAGES.numeratorExceeds, { num: 12, den: 10 })).toBe(resolveFigures(otd, { numerator: 12, denominator: 10 }).errors[0]?.message);
    expect(twoSteps(VALUE_MESSAGES.mismatch, { value: 50, computed: 95 })).toBe(resolveFigures(otd, { value: 50, numerator: 95, denominator: 100 }).errors[0]?.message);
    expect(twoSteps(VALUE_MESSAGES.outlier, { prev: 10, period: '2026-Q1', value: 90 })).toBe(detectOutlier(otd, 90, { value: 10, periodCode: '2026-Q1' }).outlierNote);
  });
});
