import { checkHeader, detectDelimiter, duplicateRowsMessage, isPlainNumber, normaliseHeaderName, Utf8Scanner } from './csv';

describe('import header', () => {
  it('accepts the required columns in any order, optional ones, any case and a BOM', () => {
    const r = checkHeader(['\uFEFFMetric', ' org_code ', 'PERIOD', 'value', 'note', 'customer-code']);
    expect(r).toEqual({ ok: true, columns: ['metric', 'org_code', 'period', 'value', 'note', 'customer_code'] });
  });
  it('names missing, unknown and repeated columns', () => {
    const r = checkHeader(['org', 'period', 'metric', 'value', 'value']);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('unknown column "org"');
      expect(r.message).toContain('missing column org_code');
      expect(r.message).toContain('repeated column value');
      expect(r.message).toContain('expected columns: org_code, period, metric, value (required)');
    }
  });
  it('normalises names', () => {
    expect(normaliseHeaderName(' Customer Code ')).toBe('customer_code');
  });
});

describe('delimiter', () => {
  it('detects semicolons and commas outside quotes', () => {
    expect(detectDelimiter('org_code;period;metric;value')).toBe(';');
    expect(detectDelimiter('org_code,period,metric,value')).toBe(',');
    expect(detectDelimiter('"a;b;c",period,metric;value')).toBe(',');
  });
});

describe('plain numbers', () => {
  it('accepts decimals and refuses units, separators and exponents', () => {
    for (const ok of ['95', '95.5', '-3', '+0.25', '.5', '7.']) expect(isPlainNumber(ok)).toBe(true);
    for (const bad of ['95%', '12 days', '1,5', '1 000', '1e3', '', 'abc', '$12', '--1']) expect(isPlainNumber(bad)).toBe(false);
  });
});

describe('UTF-8 scanner', () => {
  const scan = (...chunks: Buffer[]): number | null => {
    const s = new Utf8Scanner();
    for (const c of chunks) if (!s.push(c)) break;
    s.end();
    return s.badLine;
  };
  it('accepts UTF-8 with a BOM and multi-byte characters split across chunks', () => {
    const text = Buffer.from('\uFEFFa,b\nZürich,€\n', 'utf8');
    expect(scan(text)).toBeNull();
    const euro = text.indexOf(0xe2);
    expect(scan(text.subarray(0, euro + 1), text.subarray(euro + 1))).toBeNull();
  });
  it('names the line of the first Latin-1 byte', () => {
    expect(scan(Buffer.from('a,b\nok,1\n', 'utf8'), Buffer.from('caf\xe9,2\n', 'latin1'))).toBe(3);
  });
  it('rejects overlong forms, surrogates and truncated sequences', () => {
    expect(scan(Buffer.from([0xc0, 0xaf]))).toBe(1);
    expect(scan(Buffer.from([0x0a, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(scan(Buffer.from([0xe2, 0x82]))).toBe(1);
  });
});

describe('duplicates', () => {
  it('lists at most ten rows', () => {
    expect(duplicateRowsMessage([2, 5])).toBe('duplicate rows 2, 5: same org_code, period, metric and customer_code');
    expect(duplicateRowsMessage(Array.from({ length: 12 }, (_, i) => i + 2))).toContain('2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more');
  });
});
