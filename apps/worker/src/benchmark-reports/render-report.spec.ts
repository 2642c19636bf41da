import { PDFParse } from 'pdf-parse';
import type { BenchmarkReportSnapshot } from '@tandem/contracts';
import { formatFigure, groupLine, renderReport } from './render-report';

async function textOf(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

const snapshot: BenchmarkReportSnapshot = {
  version: 1,
  audience: 'firm',
  consortium: { id: 'c', name: 'Test consortium' },
  organisation: { id: 'o', code: 'acme', name: 'Acme Castings' },
  period: { id: 'p', code: '2025-Q3', startsOn: '2025-07-01', endsOn: '2025-09-30' },
  threshold: 5,
  inputRevision: 'abc',
  computedAt: '2025-10-15T08:00:00.000Z',
  metrics: [
    {
      id: 'm',
      code: 'OTD',
      name: 'On-time delivery',
      unit: '%',
      direction: 'higher',
      groups: [
        {
          peerGroupId: 'g1',
          name: 'Whole consortium',
          kind: 'consortium',
          cell: { shown: true, n: 12, p10: 90.5, p25: 92.25, median: 94.125, p75: 96, p90: 98.75, mean: 94.3333, pooled: null },
          own: { value: 95.5, percentileRank: 58.33, quartile: 2, changeSincePrevious: 1.5 },
        },
        { peerGroupId: 'g2', name: 'Size 500+', kind: 'size_band', cell: { shown: false, reason: 'fewer than 5 peers', reasonCode: 'fewer_than_k' }, own: { value: 95.5, percentileRank: null, quartile: null, changeSincePrevious: null } },
      ],
      trend: [
        { periodId: 'q2', code: '2025-Q2', own: 94, median: 93.5, reason: null },
        { periodId: 'p', code: '2025-Q3', own: 95.5, median: 94.125, reason: null },
      ],
    },
  ],
};

describe('renderReport', () => {
  it('prints the figures of shown groups, only the reason for withheld ones, and the same bytes for the same snapshot', async () => {
    const pdf = await renderReport(snapshot);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await renderReport(snapshot)).equals(pdf)).toBe(true);
    const text = await textOf(pdf);
    expect(text).toContain(groupLine(snapshot.metrics[0]!.groups[0]!));
    expect(text).toContain('median 94.13');
    expect(text).toContain('your value 95.5 · percentile rank 58.33 · quartile 2');
    const withheld = text.split('\n').filter((l) => l.startsWith('Size 500+'));
    expect(withheld).toEqual(['Size 500+: withheld (fewer than 5 peers)']);
  });

  it('formats figures with at most two decimals and grouped thousands', () => {
    expect(formatFigure(100000)).toBe('100,000');
    expect(formatFigure(94.125)).toBe('94.13');
    expect(formatFigure(-1.5)).toBe('-1.5');
  });
});
