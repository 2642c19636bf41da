import { UUID_V7_SQL } from '@tandem/server';
import { CROSS_METRIC_RULES, PERIOD_CODE_PATTERN, PLAIN_NUMBER_PATTERN } from '@tandem/domain';

/**
 * The SQL of the import: checks over the staging table and the commit into metric values.
 * Set-based (one statement per step over all rows of an import), joining organisations,
 * memberships, metric definitions, periods and supply relationships by code. Messages come
 * from the domain (metric-rules.ts) through the `rl` rules table, so they read as the API's.
 *
 * Raw SQL bypasses the scoped Prisma client: every statement takes the consortium and the
 * uploading firm from the Import row explicitly.
 *
 * What a firm's upload may learn (benchmarks.md rule 9: an error carries no figure or fact its
 * reader could not read through the API): a row is *owned* when it is about the uploader —
 * its own figures, or as a customer its report about one of its suppliers. A row that is not
 * owned gets one message whatever the code it names (unknown, another consortium's, not a
 * member, no relationship), and no check that reads stored data runs on it: neither the
 * membership or relationship messages, nor the cross-metric check, nor the outlier note of the
 * commit, which compare only with the uploader's own stored values. Consortium staff read
 * everything of their consortium, so their uploads keep the detailed messages; an
 * organisation that is not a member of the consortium reads as unknown to them.
 */

/** formatNumber() of libs/domain in SQL: thousands separators, at most 6 decimals. */
export const fmt = (x: string): string => `rtrim(to_char(round(${x}, 6), 'FM999,999,999,999,999,999,990.999999'), '.')`;

const SEP = 'chr(31)';
const err = (column: string, message: string): string => `'${column}' || ${SEP} || (${message})`;

/** Text of a cell that is not a number, shortened like readNumber() does. */
const raw = (col: string): string => `CASE WHEN length(${col}) > 40 THEN left(${col}, 40) || '…' ELSE ${col} END`;

/** Columns of the rules table (metric-rules.ts SqlMetricRule), for jsonb_to_recordset. */
const RULE_COLUMNS = `id uuid, code text, unit text, quarterly boolean, is_ratio boolean, pct boolean, scale numeric, min_value numeric,
    max_value numeric, outlier_factor numeric, msg_disabled text, msg_supplier text, msg_customer text, msg_frequency text, msg_range text,
    msg_not_ratio text, msg_value_required text, msg_pair_num text, msg_pair_den text, msg_den_positive text, msg_num_negative text,
    msg_num_exceeds text, msg_mismatch text, msg_outlier text`;

/**
 * Resolution of the staged rows, shared by the check and the commit so both read a row the
 * same way: codes joined to ids (organisation and its membership of the consortium,
 * customer and its relationship with the supplier, metric, period), cells parsed when they
 * are plain numbers, and the figure to store (the value; for a ratio given as numerator and
 * denominator, numerator ÷ denominator × scale) when the figures are consistent.
 * CTEs rl, base, shape, ratio, judged, fig; `rules` is the parameter of the rules table,
 * `uploader` the parameter of the uploading firm (null: staff), which decides `owned` (above).
 */
// Each level ends in OFFSET 0, which keeps PostgreSQL from folding it into the next: folded,
// a column such as \`figure\` is re-evaluated at every reference (measured: 20× slower).
function resolution(rules: string, uploader: string, onlyMetrics?: string): string {
  return `rl AS (
  SELECT * FROM jsonb_to_recordset(${rules}::jsonb) AS x(${RULE_COLUMNS})
),
periods AS (
  -- the consortium's calendar, each period with the one before it (same kind, ending the day before)
  SELECT p.id, p.code, p.kind, p.state, pp.id AS prev_id, pp.code AS prev_code
  FROM "Period" p
  LEFT JOIN "Period" pp ON pp."consortiumId" = p."consortiumId" AND pp.kind = p.kind AND pp."endsOn" = p."startsOn" - 1
  WHERE p."consortiumId" = $2
),
base AS (
  SELECT r."rowNumber", r."orgCode", r."periodCode", r."metricCode", r."valueText", r."numeratorText", r."denominatorText", r."customerCode", r.note,
         o.id AS org_id, o.code AS org_code, om.status AS org_status,
         c.id AS cust_id, cm.status AS cust_status, sr.id AS rel_id,
         m.id AS metric_id, m.enabled AS metric_enabled,
         p.id AS period_id, p.code AS period_code, p.kind AS period_kind, p.state AS period_state, p.prev_id AS prev_period_id, p.prev_code AS prev_period_code,
         CASE WHEN r."valueText" ~ '${PLAIN_NUMBER_PATTERN}' THEN r."valueText"::numeric END AS v,
         CASE WHEN r."numeratorText" ~ '${PLAIN_NUMBER_PATTERN}' THEN r."numeratorText"::numeric END AS n,
         CASE WHEN r."denominatorText" ~ '${PLAIN_NUMBER_PATTERN}' THEN r."denominatorText"::numeric END AS d,
         -- staff: a member of the consortium; a firm: its own figures, or its report as the customer of one of its suppliers
         coalesce(CASE WHEN ${uploader}::uuid IS NULL THEN om.status IS NOT NULL
                       WHEN r."customerCode" IS NULL THEN o.id = ${uploader}::uuid
                       ELSE c.id = ${uploader}::uuid AND sr.id IS NOT NULL
                  END, false) AS owned
  FROM "ImportRow" r
  LEFT JOIN "Organisation" o ON o.code = lower(r."orgCode")
  LEFT JOIN "Membership" om ON om."organisationId" = o.id AND om."consortiumId" = $2
  LEFT JOIN "Organisation" c ON c.code = lower(r."customerCode")
  LEFT JOIN "Membership" cm ON cm."organisationId" = c.id AND cm."consortiumId" = $2
  LEFT JOIN "SupplyRelationship" sr ON sr."consortiumId" = $2 AND sr."customerId" = c.id AND sr."supplierId" = o.id
  LEFT JOIN "MetricDefinition" m ON m."consortiumId" = $2 AND upper(m.code) = upper(r."metricCode")
  LEFT JOIN periods p ON p.code = r."periodCode"
  WHERE r."importId" = $1${onlyMetrics ? ` AND upper(r."metricCode") = ANY(${onlyMetrics})` : ''}
),
shape AS (
  SELECT b.*,
         -- only what the figures need: messages are joined where they are used (wide rows are slow to carry)
         rl.is_ratio, rl.pct, rl.scale, rl.min_value, rl.max_value, rl.quarterly, rl.outlier_factor,
         CASE WHEN b."customerCode" IS NULL THEN rl.msg_supplier IS NULL ELSE rl.msg_customer IS NULL END AS reporter_ok,
         (b."valueText" IS NOT NULL AND b.v IS NULL) AS v_bad,
         (b."numeratorText" IS NOT NULL AND b.n IS NULL) AS n_bad,
         (b."denominatorText" IS NOT NULL AND b.d IS NULL) AS d_bad,
         abs(b.v) >= 1e12 AS v_big, abs(b.n) >= 1e14 AS n_big, abs(b.d) >= 1e14 AS d_big,
         (b."customerCode" IS NULL) AS self_reported
  FROM base b
  LEFT JOIN rl ON rl.id = b.metric_id
  OFFSET 0
),
ratio AS (
  SELECT s.*,
         -- figures can be resolved: a known metric, every given cell a number of a storable size
         (s.metric_id IS NOT NULL AND NOT s.v_bad AND NOT s.n_bad AND NOT s.d_bad
          AND coalesce(NOT s.v_big, true) AND coalesce(NOT s.n_big, true) AND coalesce(NOT s.d_big, true)) AS numeric_ok,
         CASE WHEN s.is_ratio AND s.n IS NOT NULL AND s.d IS NOT NULL AND s.d > 0 AND s.n >= 0 AND NOT (s.pct AND s.n > s.d)
              THEN round(s.n / s.d * s.scale, 6) END AS computed
  FROM shape s
  OFFSET 0
),
judged AS (
  SELECT q.*,
         (q.computed IS NOT NULL AND q.v IS NOT NULL
          AND abs(q.v - q.computed) > 0.5 * power(10::numeric, -least(scale(trim_scale(q.v)), 6)) + 0.000000001) AS mismatch,
         (q.computed IS NOT NULL AND abs(q.computed) >= 1e12) AS computed_big
  FROM ratio q
  OFFSET 0
),
fig AS (
  SELECT j.*,
    CASE WHEN NOT j.numeric_ok THEN NULL
         WHEN NOT j.is_ratio THEN CASE WHEN j.n IS NULL AND j.d IS NULL AND j.v IS NOT NULL THEN round(j.v, 6) END
         WHEN j.n IS NULL AND j.d IS NULL THEN round(j.v, 6)
         WHEN j.mismatch OR j.computed_big THEN NULL
         ELSE j.computed
    END AS figure,
    CASE WHEN j.is_ratio AND j.n IS NOT NULL AND j.d IS NOT NULL THEN round(j.n, 6) END AS numerator,
    CASE WHEN j.is_ratio AND j.n IS NOT NULL AND j.d IS NOT NULL THEN round(j.d, 6) END AS denominator
  FROM judged j
  OFFSET 0
)`;
}

/**
 * Every check of every staged row, in one statement: an ImportError per problem (row,
 * column, message). A row without errors is valid; nothing else is written — rewriting a
 * million staged rows only to mark them costs as much as loading them, so the commit
 * resolves the rows again with the same SQL and takes those without errors.
 * $1 importId, $2 consortiumId, $3 uploading organisation (null: staff), $4 rules (jsonb),
 * $5 not-a-number template, $6 value-too-large message, $7 component-too-large message,
 * $8 first year, $9 last year of a period code (text, compared as 4 digits), $10 the
 * uploading organisation's code (null: staff).
 */
export const CHECK_ROWS_SQL = `
WITH ${resolution('$4', '$3')},
dupkeys AS (
  SELECT lower(r."orgCode") AS k1, r."periodCode" AS k2, upper(r."metricCode") AS k3, coalesce(lower(r."customerCode"), '') AS k4
  FROM "ImportRow" r
  WHERE r."importId" = $1
  GROUP BY 1, 2, 3, 4
  HAVING count(*) > 1
),
dup AS (
  SELECT d.k1, d.k2, d.k3, d.k4, count(*) AS n,
         array_to_string((array_agg(r."rowNumber" ORDER BY r."rowNumber"))[1:10], ', ') AS rows
  FROM dupkeys d
  JOIN "ImportRow" r ON r."importId" = $1 AND lower(r."orgCode") = d.k1 AND r."periodCode" = d.k2 AND upper(r."metricCode") = d.k3
                    AND coalesce(lower(r."customerCode"), '') = d.k4
  GROUP BY 1, 2, 3, 4
),
checked AS (
  SELECT f."rowNumber",
         -- Most rows are fine: a cheap test that implies every check below passes (figure resolved,
         -- organisation, customer, period and metric acceptable, in range, no duplicate) skips
         -- building the list of messages. When it fails, the messages decide.
         CASE WHEN f.figure IS NOT NULL AND f.owned
                   AND CASE WHEN $3::uuid IS NULL
                            THEN f.org_status IN ('active', 'suspended') AND (f."customerCode" IS NULL OR (f.cust_status IS NOT NULL AND f.rel_id IS NOT NULL))
                            -- a firm's own membership; of a supplier, the relationship is what the firm can read
                            ELSE NOT f.self_reported OR f.org_status IN ('active', 'suspended') END
                   AND f.period_id IS NOT NULL AND f.period_state = 'open' AND f."periodCode" ~ '${PERIOD_CODE_PATTERN}'
                   AND substr(f."periodCode", 1, 4) BETWEEN $8 AND $9 AND NOT (f.quarterly AND f.period_kind = 'month')
                   AND f.metric_enabled AND f.reporter_ok
                   AND NOT coalesce(f.figure < f.min_value OR f.figure > f.max_value, false)
                   AND dup.n IS NULL
              THEN '{}'::text[]
              ELSE array_remove(ARRAY[
           ${err('org_code', `CASE WHEN f."orgCode" IS NULL THEN 'is required'
                -- a firm: one message for any code but its own, whether it exists, is a member or not
                WHEN $3::uuid IS NOT NULL AND f.self_reported AND NOT f.owned
                  THEN format('must be your own organisation (%s): a firm imports its own figures only', $10::text)
                -- a firm as a customer: one message for an unknown code and for a firm that is not its supplier;
                -- a row naming another customer is told so on customer_code only
                WHEN $3::uuid IS NOT NULL AND NOT f.self_reported
                  THEN CASE WHEN f.cust_id = $3::uuid AND NOT f.owned
                            THEN format('must be one of your suppliers: an organisation with a supply relationship with %s in this consortium', $10::text) END
                WHEN f.org_id IS NULL OR f.org_status IS NULL THEN format('unknown organisation "%s"', f."orgCode")
                WHEN f.org_status NOT IN ('active', 'suspended') THEN format('%s is not an active member of this consortium (%s)', f.org_code, f.org_status)
           END`)},
           ${err('customer_code', `CASE WHEN f."customerCode" IS NULL THEN NULL
                WHEN $3::uuid IS NOT NULL
                  THEN CASE WHEN f.cust_id IS DISTINCT FROM $3::uuid
                            THEN format('must be your own organisation (%s): a firm reports about its suppliers as their customer only', $10::text) END
                WHEN f.cust_id IS NULL OR f.cust_status IS NULL THEN format('unknown customer "%s"', f."customerCode")
                WHEN f.org_id IS NOT NULL AND f.org_status IS NOT NULL AND f.rel_id IS NULL THEN format('%s is not a customer of %s', lower(f."customerCode"), f.org_code)
           END`)},
           ${err('period', `CASE WHEN f."periodCode" IS NULL THEN 'is required'
                WHEN f."periodCode" !~ '${PERIOD_CODE_PATTERN}' OR NOT substr(f."periodCode", 1, 4) BETWEEN $8 AND $9
                  THEN format('"%s" is not a period: use YYYY-Qn (2026-Q1) or YYYY-MM (2026-03)', ${raw('f."periodCode"')})
                WHEN f.period_id IS NULL THEN format('unknown period %s: it is not in this consortium''s calendar', f."periodCode")
                WHEN f.period_state <> 'open' THEN format('period %s is %s: its values change only through a revision approved by staff', f.period_code, f.period_state)
           END`)},
           ${err('period', `CASE WHEN f.quarterly AND f.period_kind = 'month' THEN replace(rl.msg_frequency, '{period}', f.period_code) END`)},
           ${err('metric', `CASE WHEN f."metricCode" IS NULL THEN 'is required'
                WHEN f.metric_id IS NULL THEN format('unknown metric "%s"', ${raw('f."metricCode"')})
           END`)},
           ${err('metric', `CASE WHEN f.metric_id IS NOT NULL AND NOT f.metric_enabled THEN rl.msg_disabled END`)},
           ${err('metric', `CASE WHEN f.metric_id IS NULL THEN NULL WHEN f.self_reported THEN rl.msg_supplier ELSE rl.msg_customer END`)},
           ${err('value', `CASE WHEN f.v_bad THEN replace($5, '{raw}', ${raw('f."valueText"')}) WHEN f.v_big THEN $6 END`)},
           ${err('numerator', `CASE WHEN f.n_bad THEN replace($5, '{raw}', ${raw('f."numeratorText"')}) WHEN f.n_big THEN $7 END`)},
           ${err('denominator', `CASE WHEN f.d_bad THEN replace($5, '{raw}', ${raw('f."denominatorText"')}) WHEN f.d_big THEN $7 END`)},
           ${err('numerator', `CASE WHEN NOT f.numeric_ok OR f.is_ratio THEN NULL WHEN f.n IS NOT NULL THEN rl.msg_not_ratio END`)},
           ${err('denominator', `CASE WHEN NOT f.numeric_ok OR f.is_ratio THEN NULL WHEN f.n IS NULL AND f.d IS NOT NULL THEN rl.msg_not_ratio END`)},
           ${err('value', `CASE WHEN NOT f.numeric_ok OR f.v IS NOT NULL THEN NULL
                WHEN NOT f.is_ratio OR (f.n IS NULL AND f.d IS NULL) THEN rl.msg_value_required END`)},
           ${err('numerator', `CASE WHEN f.numeric_ok AND f.is_ratio AND f.n IS NULL AND f.d IS NOT NULL THEN rl.msg_pair_num END`)},
           ${err('denominator', `CASE WHEN f.numeric_ok AND f.is_ratio AND f.n IS NOT NULL AND f.d IS NULL THEN rl.msg_pair_den END`)},
           ${err('denominator', `CASE WHEN f.numeric_ok AND f.is_ratio AND f.n IS NOT NULL AND f.d <= 0 THEN replace(rl.msg_den_positive, '{den}', ${fmt('f.d')}) END`)},
           ${err('numerator', `CASE WHEN f.numeric_ok AND f.is_ratio AND f.d IS NOT NULL AND f.n < 0 THEN replace(rl.msg_num_negative, '{num}', ${fmt('f.n')}) END`)},
           ${err('numerator', `CASE WHEN f.numeric_ok AND f.pct AND f.n > f.d THEN replace(replace(rl.msg_num_exceeds, '{num}', ${fmt('f.n')}), '{den}', ${fmt('f.d')}) END`)},
           ${err('value', `CASE WHEN f.numeric_ok AND f.mismatch
                THEN replace(replace(rl.msg_mismatch, '{value}', ${fmt('f.v')}), '{computed}', ${fmt('f.computed')}) END`)},
           ${err('value', `CASE WHEN f.numeric_ok AND NOT f.mismatch AND f.computed_big THEN $6 END`)},
           ${err('value', `CASE WHEN f.figure IS NOT NULL AND rl.msg_range IS NOT NULL AND (f.figure < f.min_value OR f.figure > f.max_value)
                THEN replace(rl.msg_range, '{value}', ${fmt('f.figure')}) END`)},
           ${err('row', `CASE WHEN dup.n IS NOT NULL THEN 'duplicate rows ' || dup.rows || CASE WHEN dup.n > 10 THEN ' and ' || (dup.n - 10) || ' more' ELSE '' END
                || ': same org_code, period, metric and customer_code' END`)}
         ], NULL) END AS errs
  FROM fig f
  LEFT JOIN rl ON rl.id = f.metric_id
  LEFT JOIN dup ON dup.k1 = lower(f."orgCode") AND dup.k2 = f."periodCode" AND dup.k3 = upper(f."metricCode")
                AND dup.k4 = coalesce(lower(f."customerCode"), '')
)
INSERT INTO "ImportError" ("importId", "rowNumber", "column", "message")
SELECT $1, c."rowNumber", split_part(e, ${SEP}, 1), substr(e, strpos(e, ${SEP}) + 1)
FROM checked c CROSS JOIN LATERAL unnest(c.errs) AS e
`;

/**
 * The rows a commit takes: resolved as by the check, without any ImportError, in a period
 * that is still open, of a metric still enabled. $1 importId, $2 consortiumId, $3 rules,
 * $7 uploading organisation (null: staff). A row the uploader does not own has an error
 * already; `owned` is required here too, since this statement writes without the scoped
 * client and must not rely on another statement for whose values it touches.
 */
const COMMITTABLE = `
WITH ${resolution('$3', '$7')},
src AS MATERIALIZED (
  SELECT f."rowNumber", f.org_id, f.metric_id, f.period_id, f.cust_id, coalesce(f.cust_id::text, 'self') AS subject, f.figure, f.numerator,
         f.denominator, f.note, f.period_state, f.metric_enabled, f.period_code, f.prev_period_id, f.prev_period_code, f.outlier_factor
  FROM fig f
  WHERE f.owned AND NOT EXISTS (SELECT 1 FROM "ImportError" e WHERE e."importId" = $1 AND e."rowNumber" = f."rowNumber")
)`;

/**
 * The committable rows into "MetricValue", each with its revision, in one statement.
 *
 * On the natural key (organisation, metric, period, subject): a new key is inserted as
 * revision 1; an existing value of the key (its period is open, checked again here) takes
 * the imported figures as its next revision, status `submitted` (statusAfterEdit with
 * submit: a validated figure that changes is validated again); a value whose figures and
 * note already are the file's is left alone, without a revision. So a commit run twice — a
 * worker killed after its transaction committed but before the job was acknowledged —
 * changes nothing the second time.
 *
 * Error-free rows whose period closed (or metric was disabled) between check and commit are
 * not committed; the report says why (ImportError).
 *
 * Outliers (metrics.md): a figure more than the metric's factor away from the firm's value
 * of the previous period (from this file, else already stored) is flagged, never refused;
 * the note is detectOutlier()'s. Only owned rows are committed, so the previous value is the
 * uploader's own (or, for a customer's report, the customer's own earlier report).
 *
 * New keys are inserted with a plain INSERT (anti-join on the natural key) rather than ON
 * CONFLICT, which is markedly slower for a million rows; the import's advisory lock keeps
 * imports apart, and a value inserted through the API in between fails the statement on
 * the unique key, so the job is retried, never duplicated.
 *
 * $1 importId, $2 consortiumId, $3 rules, $4 revision reason, $5 actor user, $6 actor API key,
 * $7 uploading organisation (null: staff).
 */
export const COMMIT_ROWS_SQL = `${COMMITTABLE},
ready AS (
  SELECT s.*, s.prev_period_code AS prev_code, coalesce(sp.figure, mv.value) AS prev_value, cur.id AS existing_id
  FROM src s
  LEFT JOIN src sp ON sp.org_id = s.org_id AND sp.metric_id = s.metric_id AND sp.period_id = s.prev_period_id AND sp.subject = s.subject
                  AND sp.period_state = 'open'
  LEFT JOIN "MetricValue" mv ON mv."consortiumId" = $2 AND mv."organisationId" = s.org_id AND mv."metricId" = s.metric_id AND mv."periodId" = s.prev_period_id
                            AND mv."subjectKey" = s.subject
  LEFT JOIN "MetricValue" cur ON cur."organisationId" = s.org_id AND cur."metricId" = s.metric_id AND cur."periodId" = s.period_id AND cur."subjectKey" = s.subject
  WHERE s.period_state = 'open' AND s.metric_enabled
),
flagged AS (
  SELECT r.*,
         CASE WHEN r.prev_value IS NULL OR r.prev_value = r.figure THEN false
              WHEN least(abs(r.prev_value), abs(r.figure)) = 0 OR sign(r.prev_value) <> sign(r.figure) THEN true
              ELSE greatest(abs(r.prev_value), abs(r.figure)) / least(abs(r.prev_value), abs(r.figure)) > r.outlier_factor
         END AS outlier
  FROM ready r
),
noted AS (
  SELECT f.*,
         CASE WHEN f.outlier THEN replace(replace(replace(rl.msg_outlier, '{prev}', ${fmt('f.prev_value')}), '{period}', f.prev_code), '{value}', ${fmt('f.figure')}) END AS outlier_note
  FROM flagged f
  LEFT JOIN rl ON rl.id = f.metric_id
),
stale AS (
  INSERT INTO "ImportError" ("importId", "rowNumber", "column", "message")
  SELECT $1, s."rowNumber",
         CASE WHEN s.period_state <> 'open' THEN 'period' ELSE 'metric' END,
         CASE WHEN s.period_state <> 'open' THEN format('period %s was %s after the check: the row was not committed', s.period_code, s.period_state)
              ELSE 'the metric was disabled after the check: the row was not committed' END
  FROM src s
  WHERE s.period_state <> 'open' OR NOT s.metric_enabled
  RETURNING 1
),
inserted AS (
  INSERT INTO "MetricValue" (id, "consortiumId", "organisationId", "metricId", "periodId", "customerId", "subjectKey", value, numerator, denominator,
                             note, source, status, outlier, "outlierNote", revision, "submittedAt", "createdAt", "updatedAt")
  SELECT ${UUID_V7_SQL}, $2, n.org_id, n.metric_id, n.period_id, n.cust_id, n.subject, n.figure, n.numerator, n.denominator,
         n.note, 'csv', 'submitted', n.outlier, n.outlier_note, 1, now(), now(), now()
  FROM noted n
  WHERE n.existing_id IS NULL
  RETURNING id, revision, value, numerator, denominator, note
),
revised AS (
  UPDATE "MetricValue" v
  SET value = n.figure, numerator = n.numerator, denominator = n.denominator, note = n.note, source = 'csv', status = 'submitted',
      "rejectionReason" = NULL, outlier = n.outlier, "outlierNote" = n.outlier_note, revision = v.revision + 1, "submittedAt" = now(),
      "validatedAt" = NULL, "validatedById" = NULL, "updatedAt" = now()
  FROM noted n
  WHERE n.existing_id = v.id
    AND (v.value, v.numerator, v.denominator, v.note) IS DISTINCT FROM (n.figure, n.numerator, n.denominator, n.note)
  RETURNING v.id, v.revision, v.value, v.numerator, v.denominator, v.note
),
changed AS (
  SELECT * FROM inserted UNION ALL SELECT * FROM revised
),
revisions AS (
  INSERT INTO "MetricValueRevision" (id, "metricValueId", revision, value, numerator, denominator, note, status, source, reason, approval,
                                     "actorUserId", "actorApiKeyId", "createdAt")
  SELECT ${UUID_V7_SQL}, c.id, c.revision, c.value, c.numerator, c.denominator, c.note, 'submitted', 'csv', $4, 'not_needed', $5::uuid, $6::uuid, now()
  FROM changed c
  RETURNING revision
)
SELECT (SELECT count(*)::int FROM src WHERE period_state = 'open' AND metric_enabled) AS committed,
       (SELECT count(*)::int FROM revisions WHERE revision = 1) AS inserted,
       (SELECT count(*)::int FROM revisions WHERE revision > 1) AS revised,
       (SELECT count(*)::int FROM stale) AS stale
`;

/** The metrics that take part in a cross-metric rule (CYCLE_TIME and LEAD_TIME), upper case. */
export const CROSS_METRIC_CODES: string[] = [...new Set(CROSS_METRIC_RULES.flatMap((r) => [r.code, r.atMost]))];

/** CROSS_METRIC_RULES as the statement's $4 (each rule is checked from both of its metrics). */
export const CROSS_METRIC_RULES_JSON = JSON.stringify(CROSS_METRIC_RULES);

/**
 * The cross-metric checks of metrics.md (checkCrossMetric: a cycle time cannot exceed the
 * lead time of the same period), over the rows of the metrics that take part only, after
 * CHECK_ROWS_SQL: a row's figure against the same firm's figure of the related metric in the
 * same period and subject — from this file, else as stored — with the domain's message, on
 * the value column. Rows whose own figures could not be read are left to the other checks.
 *
 * The message prints the other figure, so only owned rows take part (see the top of this
 * file): a firm's row compares with its own values, a customer's report with its own earlier
 * reports — values the uploader reads through the API — and never with a row or a stored
 * value of a firm the uploader does not own.
 *
 * $1 importId, $2 consortiumId, $3 rules, $4 cross-metric rules, $5 their metric codes,
 * $6 uploading organisation (null: staff).
 */
export const CROSS_CHECK_SQL = `
WITH ${resolution('$3', '$6', '$5::text[]')},
cr AS (
  SELECT * FROM jsonb_to_recordset($4::jsonb) AS x(code text, unit text, "atMost" text, "otherUnit" text, factor numeric, why text)
),
figs AS MATERIALIZED (
  SELECT f."rowNumber", upper(f."metricCode") AS code, f.org_id, f.period_id, coalesce(f.cust_id::text, 'self') AS subject, f.figure
  FROM fig f
  WHERE f.figure IS NOT NULL AND f.owned AND f.org_id IS NOT NULL AND f.period_id IS NOT NULL AND f.metric_id IS NOT NULL
),
sides AS (
  -- each row against the other metric of each rule it takes part in: as the part (rule_code) or as the whole (rule_at_most)
  SELECT g.*, cr.code AS rule_code, cr."atMost" AS rule_at_most, cr.unit, cr."otherUnit" AS other_unit, cr.factor, cr.why,
         (g.code = cr.code) AS is_part, CASE WHEN g.code = cr.code THEN cr."atMost" ELSE cr.code END AS other_code
  FROM figs g
  JOIN cr ON g.code IN (cr.code, cr."atMost")
),
firsts AS (
  -- one figure per key from the file (duplicate keys are row errors already: the first row counts)
  SELECT DISTINCT ON (org_id, period_id, subject, code) org_id, period_id, subject, code, figure
  FROM figs
  ORDER BY org_id, period_id, subject, code, "rowNumber"
),
defs AS (
  SELECT id, upper(code) AS code FROM "MetricDefinition" WHERE "consortiumId" = $2 AND upper(code) = ANY($5::text[])
),
paired AS (
  -- joins, not correlated look-ups: a file can hold hundreds of thousands of these rows
  SELECT s.*, coalesce(o.figure, v.value) AS other
  FROM sides s
  LEFT JOIN firsts o ON o.org_id = s.org_id AND o.period_id = s.period_id AND o.subject = s.subject AND o.code = s.other_code
  LEFT JOIN defs d ON d.code = s.other_code
  LEFT JOIN "MetricValue" v ON v."consortiumId" = $2 AND v."organisationId" = s.org_id AND v."metricId" = d.id AND v."periodId" = s.period_id
                           AND v."subjectKey" = s.subject AND v.status <> 'rejected'
)
INSERT INTO "ImportError" ("importId", "rowNumber", "column", "message")
SELECT $1, p."rowNumber", 'value',
       CASE WHEN p.is_part
            THEN format('%s (%s %s) cannot exceed %s of the same period (%s %s = %s %s): %s',
                        p.code, ${fmt('p.figure')}, p.unit, p.rule_at_most, ${fmt('p.other')}, p.other_unit, ${fmt('p.other * p.factor')}, p.unit, p.why)
            ELSE format('%s (%s %s = %s %s) cannot be shorter than %s of the same period (%s %s): %s',
                        p.code, ${fmt('p.figure')}, p.other_unit, ${fmt('p.figure * p.factor')}, p.unit, p.rule_code, ${fmt('p.other')}, p.unit, p.why)
       END
FROM paired p
WHERE p.other IS NOT NULL
  AND CASE WHEN p.is_part THEN p.figure > p.other * p.factor ELSE p.other > p.figure * p.factor END
`;
