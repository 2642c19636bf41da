import PDFDocument from 'pdfkit';
import type { BenchmarkReportGroup, BenchmarkReportMetric, BenchmarkReportSnapshot } from '@tandem/contracts';

/**
 * A benchmark report as PDF, drawn from its snapshot alone (pdfkit's vector primitives, its
 * built-in Helvetica): the same snapshot gives the same bytes, so a stored report can be
 * rendered again and checked. Nothing is printed that the snapshot does not hold — a withheld
 * group prints its reason and nothing else, and charts take their scale from printed figures
 * and the member's own value only (never a minimum or maximum of the group).
 */

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const WIDTH = PAGE.width - 2 * PAGE.margin;
const INK = '#1f2933';
const MUTED = '#616e7c';
const BAND = '#9fb3c8';
const WHISKER = '#52606d';
const OWN = '#c0392b';
const MEDIAN = '#2a4365';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** How a figure is printed: at most two decimals, thousands grouped (tests compare with this). */
export function formatFigure(value: number): string {
  return numberFormat.format(value);
}

/** The line printed for a group's statistics (or the reason it is withheld). */
export function groupLine(g: BenchmarkReportGroup): string {
  if (!g.cell.shown) return `${g.name}: withheld (${g.cell.reason})`;
  const c = g.cell;
  const parts = [`n ${c.n}`];
  if (c.p10 !== null) parts.push(`p10 ${formatFigure(c.p10)}`);
  if (c.p25 !== null) parts.push(`p25 ${formatFigure(c.p25)}`);
  if (c.median !== null) parts.push(`median ${formatFigure(c.median)}`);
  if (c.p75 !== null) parts.push(`p75 ${formatFigure(c.p75)}`);
  if (c.p90 !== null) parts.push(`p90 ${formatFigure(c.p90)}`);
  if (c.mean !== null) parts.push(`mean ${formatFigure(c.mean)}`);
  if (c.pooled !== null) parts.push(`pooled ${formatFigure(c.pooled)}`);
  return `${g.name}: ${parts.join(' · ')}`;
}

/** The line printed for the member's own position in a group. */
export function ownLine(g: BenchmarkReportGroup): string | null {
  if (!g.own) return null;
  const parts = [`your value ${formatFigure(g.own.value)}`];
  if (g.own.percentileRank !== null) parts.push(`percentile rank ${formatFigure(g.own.percentileRank)}`);
  if (g.own.quartile !== null) parts.push(`quartile ${g.own.quartile}`);
  if (g.own.changeSincePrevious !== null) parts.push(`change since previous period ${formatFigure(g.own.changeSincePrevious)}`);
  return parts.join(' · ');
}

/** The figures a metric's band charts are scaled to: printed ones and the member's own values. */
function scaleOf(metric: BenchmarkReportMetric): { lo: number; hi: number } | null {
  const xs: number[] = [];
  for (const g of metric.groups) {
    if (g.cell.shown) for (const v of [g.cell.p10, g.cell.p25, g.cell.median, g.cell.p75, g.cell.p90]) if (v !== null) xs.push(v);
    if (g.own) xs.push(g.own.value);
  }
  return xs.length === 0 ? null : paddedRange(xs, 0.05);
}

/** The range of some figures, widened by a fraction on each side (and around a single value). */
function paddedRange(xs: readonly number[], fraction: number): { lo: number; hi: number } {
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * fraction;
  return { lo: lo - pad, hi: hi + pad };
}

export function renderReport(snapshot: BenchmarkReportSnapshot): Promise<Buffer> {
  // dates from the snapshot, not the clock: the same snapshot, the same bytes
  const at = new Date(snapshot.computedAt ?? `${snapshot.period.endsOn}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: {
      Title: `Benchmark report ${snapshot.organisation.name} ${snapshot.period.code}`,
      Author: snapshot.consortium.name,
      Creator: 'Tandem',
      Producer: 'Tandem',
      CreationDate: at,
      ModDate: at,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  let y = PAGE.margin;
  const room = (h: number): void => {
    if (y + h > PAGE.height - PAGE.margin) {
      doc.addPage();
      y = PAGE.margin;
    }
  };
  const line = (text: string, size: number, opts: { bold?: boolean; color?: string; gap?: number } = {}): void => {
    doc.font(opts.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size).fillColor(opts.color ?? INK);
    const h = doc.heightOfString(text, { width: WIDTH });
    room(h);
    doc.text(text, PAGE.margin, y, { width: WIDTH });
    y += h + (opts.gap ?? 2);
  };

  line('Benchmark report', 20, { bold: true, gap: 4 });
  line(`${snapshot.organisation.name} (${snapshot.organisation.code})`, 13, { bold: true });
  line(`${snapshot.consortium.name} · period ${snapshot.period.code} (${snapshot.period.startsOn} to ${snapshot.period.endsOn})`, 10, { color: MUTED });
  line(
    snapshot.audience === 'customer'
      ? 'The groups your organisation reads: the whole consortium and your supply base, as aggregates only.'
      : "Your organisation's position in each peer group it belongs to.",
    9,
    { color: MUTED },
  );
  line(
    `Figures follow the consortium's disclosure rules (no group under ${snapshot.threshold} peers, no extremes, no dominated totals, nothing that would disclose a firm by difference). A withheld group shows why and no figure.`,
    9,
    { color: MUTED, gap: 10 },
  );
  if (snapshot.metrics.length === 0) line('No benchmark of this period is available to your organisation.', 10);

  for (const metric of snapshot.metrics) {
    room(60);
    y += 6;
    line(`${metric.code} · ${metric.name}`, 13, { bold: true });
    line(`${metric.unit ? `unit: ${metric.unit} · ` : ''}${metric.direction === 'lower' ? 'lower is better' : 'higher is better'}`, 9, { color: MUTED, gap: 6 });
    const scale = scaleOf(metric);
    for (const g of metric.groups) {
      line(groupLine(g), 9.5, { bold: true, gap: 1 });
      const own = ownLine(g);
      if (own) line(own, 9, { color: MUTED, gap: 2 });
      if (scale && (g.cell.shown || g.own)) drawBand(g, scale);
      y += 4;
    }
    if (metric.trend.length > 0) drawTrend(metric);
  }
  doc.end();
  return done;

  function drawBand(g: BenchmarkReportGroup, scale: { lo: number; hi: number }): void {
    const h = 16;
    room(h + 4);
    const x = (v: number): number => PAGE.margin + ((v - scale.lo) / (scale.hi - scale.lo)) * WIDTH;
    const mid = y + h / 2;
    doc.save().lineWidth(0.5).strokeColor('#d9e2ec').moveTo(PAGE.margin, mid).lineTo(PAGE.margin + WIDTH, mid).stroke().restore();
    if (g.cell.shown) {
      const { p10, p25, median, p75, p90 } = g.cell;
      if (p10 !== null && p25 !== null) doc.save().lineWidth(1).strokeColor(WHISKER).moveTo(x(p10), mid).lineTo(x(p25), mid).moveTo(x(p10), mid - 4).lineTo(x(p10), mid + 4).stroke().restore();
      if (p90 !== null && p75 !== null) doc.save().lineWidth(1).strokeColor(WHISKER).moveTo(x(p75), mid).lineTo(x(p90), mid).moveTo(x(p90), mid - 4).lineTo(x(p90), mid + 4).stroke().restore();
      if (p25 !== null && p75 !== null) doc.save().rect(x(p25), y + 2, Math.max(x(p75) - x(p25), 1), h - 4).fill(BAND).restore();
      if (median !== null) doc.save().lineWidth(2).strokeColor(MEDIAN).moveTo(x(median), y + 1).lineTo(x(median), y + h - 1).stroke().restore();
    }
    if (g.own) {
      const ox = x(g.own.value);
      doc.save().fillColor(OWN).polygon([ox, mid - 6], [ox + 5, mid], [ox, mid + 6], [ox - 5, mid]).fill().restore();
    }
    y += h + 2;
  }

  function drawTrend(metric: BenchmarkReportMetric): void {
    const h = 110;
    room(h + 30);
    y += 4;
    const own = metric.trend.some((t) => t.own !== null);
    const title = own ? 'Trend over published periods: your value and the whole consortium median' : 'Trend over published periods: the whole consortium median';
    doc.font('Helvetica-Bold').fontSize(9).fillColor(INK).text(title, PAGE.margin, y, { width: WIDTH, lineBreak: false });
    y += 14;
    const top = y;
    const values = metric.trend.flatMap((t) => [t.own, t.median]).filter((v): v is number => v !== null);
    const left = PAGE.margin + 40;
    const width = WIDTH - 40;
    doc.save().lineWidth(0.5).strokeColor('#bcccdc').rect(left, top, width, h).stroke().restore();
    const n = metric.trend.length;
    const px = (i: number): number => (n === 1 ? left + width / 2 : left + 10 + (i * (width - 20)) / (n - 1));
    if (values.length > 0) {
      const { lo, hi } = paddedRange(values, 0.1);
      const py = (v: number): number => top + h - ((v - lo) / (hi - lo)) * h;
      doc.font('Helvetica').fontSize(7).fillColor(MUTED);
      doc.text(formatFigure(hi), PAGE.margin, top - 3, { width: 38, align: 'right', lineBreak: false });
      doc.text(formatFigure(lo), PAGE.margin, top + h - 6, { width: 38, align: 'right', lineBreak: false });
      const series = (pick: (t: BenchmarkReportMetric['trend'][number]) => number | null, color: string, dashed: boolean): void => {
        let drawing = false;
        doc.save().lineWidth(1.5).strokeColor(color);
        if (dashed) doc.dash(3, { space: 2 });
        metric.trend.forEach((t, i) => {
          const v = pick(t);
          if (v === null) {
            drawing = false;
            return;
          }
          if (drawing) doc.lineTo(px(i), py(v));
          else doc.moveTo(px(i), py(v));
          drawing = true;
        });
        doc.stroke().restore();
        metric.trend.forEach((t, i) => {
          const v = pick(t);
          if (v !== null) doc.save().fillColor(color).circle(px(i), py(v), 2.2).fill().restore();
        });
      };
      series((t) => t.median, MEDIAN, true);
      series((t) => t.own, OWN, false);
    }
    doc.font('Helvetica').fontSize(7).fillColor(MUTED);
    metric.trend.forEach((t, i) => doc.text(t.code, px(i) - 25, top + h + 3, { width: 50, align: 'center', lineBreak: false }));
    y = top + h + 14;
    doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(own ? 'solid: your value · dashed: consortium median' : 'dashed: consortium median', PAGE.margin, y, { width: WIDTH, lineBreak: false });
    y += 12;
    // the figures behind the chart, and why a median is missing
    for (const t of metric.trend) {
      const parts = [`${t.code}:`];
      if (t.own !== null) parts.push(`your value ${formatFigure(t.own)}`);
      parts.push(t.median !== null ? `median ${formatFigure(t.median)}` : `median withheld (${t.reason ?? 'not computed'})`);
      line(parts.join(' '), 8, { color: MUTED, gap: 1 });
    }
    y += 6;
  }
}
