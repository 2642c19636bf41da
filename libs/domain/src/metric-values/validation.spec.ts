import { STANDARD_CATALOGUE, catalogueMetric, standardDefinitionFields, type CatalogueMetric } from './catalogue';
import {
  checkCrossMetric,
  checkEnabled,
  checkFrequency,
  checkRange,
  checkReporter,
  detectOutlier,
  isPercentageRatio,
  rangeText,
  readNumber,
  relatedMetricCodes,
  resolveFigures,
  sameFigures,
  validateFigures,
  type MetricRule,
} from './validation';
import { canApplyValueAction, statusAfterEdit } from './workflow';

function rule(code: string, overrides: Partial<MetricRule> = {}): MetricRule {
  const m = catalogueMetric(code) as CatalogueMetric;
  return { ...m, outlierFactor: 3, enabled: true, ...overrides };
}

const otd = rule('OTD');
const ppm = rule('PPM');
const oee = rule('OEE');
const lead = rule('LEAD_TIME');
const setup = rule('SETUP_TIME');

describe('standard catalogue', () => {
  it('has the thirteen metrics of metrics.md with unique codes', () => {
    expect(STANDARD_CATALOGUE.map((m) => m.code)).toEqual([
      'OTD', 'PPM', 'LEAD_TIME', 'CYCLE_TIME', 'SETUP_TIME', 'SCRAP', 'INV_TURNS', 'VA_EMP', 'COST_INDEX', 'OEE', 'TRIR', 'TRAIN_HRS', 'TRAIN_SPEND',
    ]);
  });

  it('gives every metric the sharing category a supplier names for its customers', () => {
    const category = Object.fromEntries(STANDARD_CATALOGUE.map((m) => [m.code, standardDefinitionFields(m).category]));
    expect(category).toEqual({
      OTD: 'delivery', LEAD_TIME: 'delivery', PPM: 'quality', SCRAP: 'quality', COST_INDEX: 'cost',
      VA_EMP: 'productivity', INV_TURNS: 'productivity', OEE: 'productivity', CYCLE_TIME: 'productivity', SETUP_TIME: 'productivity',
      TRIR: 'safety', TRAIN_HRS: 'workforce', TRAIN_SPEND: 'workforce',
    });
  });

  it('keeps numerator and denominator for ratios, with scales from the definitions', () => {
    const scale = Object.fromEntries(STANDARD_CATALOGUE.filter((m) => m.isRatio).map((m) => [m.code, m.ratioScale]));
    expect(scale).toEqual({ OTD: 100, PPM: 1_000_000, SCRAP: 100, INV_TURNS: 1, VA_EMP: 1, COST_INDEX: 100, TRIR: 200_000, TRAIN_HRS: 1, TRAIN_SPEND: 100 });
    for (const m of STANDARD_CATALOGUE) {
      if (m.isRatio) expect([m.numeratorLabel, m.denominatorLabel]).toEqual([expect.any(String), expect.any(String)]);
      else expect([m.ratioScale, m.numeratorLabel, m.denominatorLabel]).toEqual([null, null, null]);
    }
    // OEE is a product of three ratios, the times are medians/means: not ratios
    expect(['OEE', 'LEAD_TIME', 'CYCLE_TIME', 'SETUP_TIME'].map((c) => catalogueMetric(c)?.isRatio)).toEqual([false, false, false, false]);
  });

  it('names customer reporters for OTD and PPM only, and derived training metrics', () => {
    expect(STANDARD_CATALOGUE.filter((m) => m.reporters.includes('customer')).map((m) => m.code)).toEqual(['OTD', 'PPM']);
    expect(STANDARD_CATALOGUE.filter((m) => m.reporters.includes('derived')).map((m) => m.code)).toEqual(['TRAIN_HRS', 'TRAIN_SPEND']);
  });
});

describe('range', () => {
  it('names the metric, the range and the value', () => {
    expect(checkRange(otd, 120)).toEqual({ path: 'value', message: 'OTD must be between 0 and 100 %; got 120' });
    expect(checkRange(otd, -0.5)?.message).toBe('OTD must be between 0 and 100 %; got -0.5');
    expect(checkRange(ppm, -1)?.message).toBe('PPM must be at least 0 parts per million; got -1');
    expect(checkRange(setup, 12_000)?.message).toBe('SETUP_TIME must be between 0 and 10,000 minutes; got 12,000');
    expect(checkRange(oee, 100.5)?.message).toBe('OEE must be between 0 and 100 %; got 100.5');
  });

  it('accepts the bounds themselves', () => {
    expect(checkRange(otd, 0)).toBeNull();
    expect(checkRange(otd, 100)).toBeNull();
    expect(checkRange(ppm, 5_000_000)).toBeNull();
  });

  it('describes open ranges', () => {
    expect(rangeText({ minValue: null, maxValue: 5, unit: 'x' })).toBe('at most 5 x');
    expect(rangeText({ minValue: null, maxValue: null, unit: 'x' })).toBeNull();
  });
});

describe('types', () => {
  it('refuses values with units and other non-numbers', () => {
    expect(readNumber('95%', 'value').error).toEqual({ path: 'value', message: 'must be a number without units; got "95%"' });
    expect(readNumber('95', 'value').error?.message).toContain('must be a number');
    expect(readNumber(Number.NaN, 'value').error?.message).toBe('must be a finite number; got NaN');
    expect(readNumber(true, 'value').error?.message).toBe('must be a finite number; got boolean');
    expect(readNumber(95.5, 'value')).toEqual({ value: 95.5 });
    expect(readNumber(undefined, 'value')).toEqual({});
    expect(readNumber(null, 'value')).toEqual({});
  });
});

describe('who reports what', () => {
  it('refuses disabled metrics', () => {
    expect(checkEnabled({ code: 'OTD', enabled: false })?.message).toBe("OTD is disabled in this consortium's catalogue");
    expect(checkEnabled({ code: 'OTD', enabled: true })).toBeNull();
  });

  it('lets customers report OTD and PPM only', () => {
    expect(checkReporter(otd, 'customer')).toBeNull();
    expect(checkReporter(ppm, 'customer')).toBeNull();
    expect(checkReporter(lead, 'customer')?.message).toBe('LEAD_TIME cannot be reported by a customer about its supplier; it is reported by: supplier');
    expect(checkReporter(lead, 'supplier')).toBeNull();
  });

  it('never accepts derived metrics', () => {
    expect(checkReporter(rule('TRAIN_HRS'), 'supplier')?.message).toBe('TRAIN_HRS is derived from training records and cannot be reported');
  });

  it('refuses quarterly metrics in a month', () => {
    expect(checkFrequency(lead, 'month', '2026-03')?.message).toBe('LEAD_TIME is reported quarterly; 2026-03 is a month');
    expect(checkFrequency(lead, 'quarter', '2026-Q1')).toBeNull();
    expect(checkFrequency(otd, 'quarter', '2026-Q1')).toBeNull();
    expect(checkFrequency(otd, 'month', '2026-03')).toBeNull();
  });
});

describe('ratios', () => {
  it('computes the value from numerator and denominator', () => {
    expect(resolveFigures(otd, { numerator: 45, denominator: 50 })).toEqual({ figures: { value: 90, numerator: 45, denominator: 50 }, errors: [] });
    expect(resolveFigures(ppm, { numerator: 3, denominator: 20_000 }).figures?.value).toBe(150);
    expect(resolveFigures(rule('TRIR'), { numerator: 2, denominator: 100_000 }).figures?.value).toBe(4);
  });

  it('accepts a value that agrees within its rounding and keeps the precise one', () => {
    expect(resolveFigures(otd, { value: 95.3, numerator: 81, denominator: 85 }).figures?.value).toBe(95.294118);
    expect(resolveFigures(otd, { value: 95, numerator: 81, denominator: 85 }).errors).toEqual([]);
    expect(resolveFigures(otd, { value: 95.2, numerator: 81, denominator: 85 }).errors).toEqual([
      { path: 'value', message: 'OTD: value 95.2 does not match numerator ÷ denominator × 100 = 95.294118' },
    ]);
  });

  it('needs numerator ≤ denominator for percentages, and a positive denominator', () => {
    expect(isPercentageRatio(otd)).toBe(true);
    expect(isPercentageRatio(rule('SCRAP'))).toBe(true);
    expect(isPercentageRatio(ppm)).toBe(false);
    expect(isPercentageRatio(rule('COST_INDEX'))).toBe(false);
    expect(resolveFigures(otd, { numerator: 51, denominator: 50 }).errors).toEqual([
      { path: 'numerator', message: 'OTD: numerator (order lines delivered on or before the promised date) must not exceed denominator (order lines delivered); got 51 > 50' },
    ]);
    expect(resolveFigures(otd, { numerator: 0, denominator: 0 }).errors[0]).toEqual({
      path: 'denominator',
      message: 'OTD: denominator (order lines delivered) must be greater than 0; got 0',
    });
    expect(resolveFigures(ppm, { numerator: -1, denominator: 10 }).errors[0]?.path).toBe('numerator');
    // a cost index may rise above its baseline: numerator > denominator is fine there
    expect(resolveFigures(rule('COST_INDEX'), { numerator: 120, denominator: 100 }).figures?.value).toBe(120);
  });

  it('needs numerator and denominator together, and refuses them for non-ratios', () => {
    expect(resolveFigures(otd, { numerator: 5 }).errors[0]).toMatchObject({ path: 'denominator' });
    expect(resolveFigures(oee, { value: 80, numerator: 4, denominator: 5 }).errors[0]).toEqual({
      path: 'numerator',
      message: 'OEE is not a ratio: send its value only, without numerator and denominator',
    });
    expect(resolveFigures(oee, {}).errors[0]).toEqual({ path: 'value', message: 'is required for OEE' });
    expect(resolveFigures(otd, { value: 90 }).figures).toEqual({ value: 90, numerator: null, denominator: null });
  });

  it('keeps values inside the columns', () => {
    expect(resolveFigures(ppm, { value: 1e13 }).errors[0]?.path).toBe('value');
    expect(resolveFigures(ppm, { numerator: 1, denominator: 1e15 }).errors[0]?.path).toBe('denominator');
  });
});

describe('cross-metric consistency', () => {
  it('keeps the cycle time within the lead time of the same period', () => {
    expect(relatedMetricCodes('CYCLE_TIME')).toEqual(['LEAD_TIME']);
    expect(relatedMetricCodes('LEAD_TIME')).toEqual(['CYCLE_TIME']);
    expect(relatedMetricCodes('OTD')).toEqual([]);
    expect(checkCrossMetric('CYCLE_TIME', 300, { LEAD_TIME: 10 })).toEqual([
      { path: 'value', message: 'CYCLE_TIME (300 hours) cannot exceed LEAD_TIME of the same period (10 days = 240 hours): the cycle time is part of the lead time' },
    ]);
    expect(checkCrossMetric('CYCLE_TIME', 240, { LEAD_TIME: 10 })).toEqual([]);
    expect(checkCrossMetric('LEAD_TIME', 5, { CYCLE_TIME: 300 })[0]?.message).toBe(
      'LEAD_TIME (5 days = 120 hours) cannot be shorter than CYCLE_TIME of the same period (300 hours): the cycle time is part of the lead time',
    );
    expect(checkCrossMetric('CYCLE_TIME', 300, {})).toEqual([]);
  });
});

describe('outliers', () => {
  const prev = { value: 90, periodCode: '2026-Q1' };
  it('flags a move of more than the factor either way, and accepts smaller ones', () => {
    expect(detectOutlier(otd, 25, prev)).toEqual({
      outlier: true,
      outlierNote: 'OTD moved from 90 in 2026-Q1 to 25 %, more than 3× its previous value; accepted and flagged for review',
    });
    expect(detectOutlier(ppm, 400, { value: 100, periodCode: '2026-Q1' }).outlier).toBe(true);
    expect(detectOutlier(ppm, 300, { value: 100, periodCode: '2026-Q1' }).outlier).toBe(false);
    expect(detectOutlier(otd, 31, prev).outlier).toBe(false);
    expect(detectOutlier(otd, 90, prev).outlier).toBe(false);
    expect(detectOutlier(otd, 25, null).outlier).toBe(false);
  });

  it('uses the metric’s own factor', () => {
    expect(detectOutlier({ ...ppm, outlierFactor: 1.5 }, 160, { value: 100, periodCode: '2026-Q1' }).outlier).toBe(true);
    expect(detectOutlier({ ...ppm, outlierFactor: 10 }, 900, { value: 100, periodCode: '2026-Q1' }).outlier).toBe(false);
  });

  it('treats a move from or to zero as unbounded', () => {
    expect(detectOutlier(ppm, 5, { value: 0, periodCode: '2026-Q1' }).outlier).toBe(true);
    expect(detectOutlier(ppm, 0, { value: 0, periodCode: '2026-Q1' }).outlier).toBe(false);
  });
});

describe('validateFigures', () => {
  it('reports every problem at once', () => {
    const r = validateFigures({ ...lead, enabled: false }, { value: 400 }, { side: 'customer', periodKind: 'month', periodCode: '2026-03' });
    expect(r.figures).toBeUndefined();
    expect(r.errors.map((e) => e.message)).toEqual([
      "LEAD_TIME is disabled in this consortium's catalogue",
      'LEAD_TIME cannot be reported by a customer about its supplier; it is reported by: supplier',
      'LEAD_TIME is reported quarterly; 2026-03 is a month',
      'LEAD_TIME must be between 0 and 365 days; got 400',
    ]);
  });

  it('checks the range of a computed ratio', () => {
    const r = validateFigures(rule('SCRAP'), { value: 120 }, { side: 'supplier', periodKind: 'quarter', periodCode: '2026-Q1' });
    expect(r.errors).toEqual([{ path: 'value', message: 'SCRAP must be between 0 and 100 % of sales; got 120' }]);
  });

  it('passes good figures through', () => {
    const r = validateFigures(otd, { numerator: 47, denominator: 50 }, { side: 'customer', periodKind: 'quarter', periodCode: '2026-Q1' });
    expect(r).toEqual({ figures: { value: 94, numerator: 47, denominator: 50 }, errors: [] });
  });

  it('compares figures as stored', () => {
    expect(sameFigures({ value: 94.0000001, numerator: null, denominator: null }, { value: 94, numerator: null, denominator: null })).toBe(true);
    expect(sameFigures({ value: 94, numerator: 47, denominator: 50 }, { value: 94, numerator: null, denominator: null })).toBe(false);
  });
});

describe('workflow', () => {
  it('moves draft → submitted → validated | rejected', () => {
    expect(canApplyValueAction('draft', 'submit')).toBe(true);
    expect(canApplyValueAction('rejected', 'submit')).toBe(true);
    expect(canApplyValueAction('submitted', 'submit')).toBe(false);
    expect(canApplyValueAction('submitted', 'validate')).toBe(true);
    expect(canApplyValueAction('draft', 'validate')).toBe(false);
    expect(canApplyValueAction('validated', 'reject')).toBe(true);
    expect(canApplyValueAction('draft', 'reject')).toBe(false);
  });

  it('sends changed figures back for validation', () => {
    expect(statusAfterEdit('validated', false)).toBe('submitted');
    expect(statusAfterEdit('rejected', false)).toBe('draft');
    expect(statusAfterEdit('draft', false)).toBe('draft');
    expect(statusAfterEdit('draft', true)).toBe('submitted');
  });
});
