import type { Pool } from 'pg';

/**
 * Helpers of the attack specs (test/api/security): figures planted in the database, and a
 * search of everything an attacker received for them in any spelling.
 */

/**
 * The ways a message could print `n`: as stored, with thousands separators, rounded to fewer
 * decimals (formatNumber prints at most 6; a report might print 2), and converted by the
 * cross-metric factor (days × 24 = hours, hours ÷ 24 = days). Spellings of fewer than four
 * digits are left out: they would match innocent numbers.
 */
export function spellings(n: number, factors: number[] = [1, 24, 1 / 24]): string[] {
  const out = new Set<string>();
  for (const f of factors) {
    const x = n * f;
    for (let d = 0; d <= 6; d++) {
      const fixed = x.toFixed(d);
      const rounded = Number(fixed);
      out.add(fixed);
      out.add(String(rounded));
      out.add(rounded.toLocaleString('en-US', { maximumFractionDigits: d }));
      out.add(rounded.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
    }
  }
  return [...out].filter((s) => s.replace(/\D/g, '').length >= 4);
}

/** Ids and timestamps carry digits that are not figures. */
export function scrub(text: string): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>').replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>');
}

/**
 * Every (needle, where) pair found: `where` is the label of the text. A number spelled inside
 * a longer number does not count (7777.77 is not in 17777.771), so the match needs a
 * non-digit on both sides.
 */
export function findFigures(texts: { label: string; text: string }[], figures: number[]): { figure: string; label: string; excerpt: string }[] {
  const found: { figure: string; label: string; excerpt: string }[] = [];
  const needles = figures.flatMap((f) => spellings(f));
  for (const { label, text } of texts) {
    const clean = scrub(text);
    for (const needle of needles) {
      const re = new RegExp(`(^|[^\\d.,])${needle.replace(/[.,]/g, (c) => `\\${c}`)}(?![\\d]|[.,]\\d)`);
      const m = re.exec(clean);
      if (m) found.push({ figure: needle, label, excerpt: clean.slice(Math.max(0, m.index - 60), m.index + needle.length + 60) });
    }
  }
  return found;
}

/** A value written straight into the database, as if the firm (or a customer) had reported it. */
export async function storeValue(
  pool: Pool,
  v: { consortiumId: string; organisationId: string; metricId: string; periodId: string; value: number; status: 'draft' | 'submitted' | 'validated' | 'rejected'; customerId?: string; note?: string },
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO "MetricValue" (id, "consortiumId", "organisationId", "metricId", "periodId", "customerId", "subjectKey", value, note, source, status, revision, "submittedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::uuid, coalesce($5::text, 'self'), $6, $7, 'form', $8::"MetricValueStatus", 1,
             CASE WHEN $8 <> 'draft' THEN now() END, now())
     RETURNING id`,
    [v.consortiumId, v.organisationId, v.metricId, v.periodId, v.customerId ?? null, v.value, v.note ?? null, v.status],
  );
  const id = rows[0]!.id;
  await pool.query(
    `INSERT INTO "MetricValueRevision" (id, "metricValueId", revision, value, note, status, source)
     VALUES (gen_random_uuid(), $1, 1, $2, $3, $4::"MetricValueStatus", 'form')`,
    [id, v.value, v.note ?? null, v.status],
  );
  return id;
}
