process.env.LOG_LEVEL ??= 'silent';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createWorker } from '../bootstrap';
import { insertConsortium, insertMembership, insertMetric, insertOrganisation, insertPeriod, insertUser, insertValue } from '../../../../test/support/sql-fixtures';
import { SendRemindersJob } from './send-reminders.job';

function isoDay(d: Date, plusDays = 0): string {
  return new Date(d.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);
}

describe('reminders before a period is due', () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
  let worker: INestApplicationContext;

  beforeAll(async () => {
    worker = await createWorker();
  });
  afterAll(async () => {
    await worker.close();
    await pool.end();
  });

  it('emails every late firm exactly once per period, across repeated and concurrent runs', async () => {
    const tag = randomBytes(4).toString('hex');
    const today = new Date();
    const c = await insertConsortium(pool, `rem-${tag}`);
    // months and quarters: a monthly calendar (monthly metrics per month, quarterly ones per quarter)
    await pool.query(`UPDATE "Consortium" SET "reportingCalendar" = 'monthly' WHERE id = $1`, [c]);
    const org = async (name: string, kind: 'supplier' | 'customer', status: 'active' | 'suspended' = 'active'): Promise<string> => {
      const id = await insertOrganisation(pool, { code: `rem-${name}-${tag}`, name: `Firm ${name} ${tag}`, kind });
      await insertMembership(pool, c, id, status);
      return id;
    };
    const late = await org('late', 'supplier');
    const partial = await org('partial', 'supplier');
    const done = await org('done', 'supplier');
    const suspended = await org('suspended', 'supplier', 'suspended');
    const customer = await org('customer', 'customer');
    const nobody = await org('nobody', 'supplier');
    const emails: Record<string, string[]> = {};
    for (const [key, id] of Object.entries({ late, partial, done, suspended, customer })) {
      emails[key] = [`admin.${key}.${tag}@example.test`, `contrib.${key}.${tag}@example.test`];
      await insertUser(pool, { email: `admin.${key}.${tag}@example.test`, role: 'firm_admin', consortiumId: c, organisationId: id });
      await insertUser(pool, { email: `contrib.${key}.${tag}@example.test`, role: 'firm_contributor', consortiumId: c, organisationId: id });
    }
    await insertUser(pool, { email: `disabled.late.${tag}@example.test`, role: 'firm_admin', consortiumId: c, organisationId: late, status: 'disabled' });

    const m1 = await insertMetric(pool, { consortiumId: c, code: 'LEAD_TIME', direction: 'lower', frequency: 'quarterly', reporters: ['supplier'] });
    const m2 = await insertMetric(pool, { consortiumId: c, code: 'OEE', direction: 'higher', frequency: 'quarterly', reporters: ['supplier'] });
    await insertMetric(pool, { consortiumId: c, code: 'CUSTOMER_ONLY', direction: 'higher', frequency: 'quarterly', reporters: ['customer'] });
    await insertMetric(pool, { consortiumId: c, code: 'DISABLED', direction: 'higher', frequency: 'quarterly', reporters: ['supplier'], enabled: false });
    await insertMetric(pool, { consortiumId: c, code: 'MONTHLY', direction: 'higher', frequency: 'monthly', reporters: ['supplier'] });

    const due = await insertPeriod(pool, { consortiumId: c, code: 'DUE', startsOn: isoDay(today, -90), endsOn: isoDay(today, -5), dueOn: isoDay(today, 3) });
    const later = await insertPeriod(pool, { consortiumId: c, code: 'LATER', startsOn: isoDay(today, -60), endsOn: isoDay(today, 10), dueOn: isoDay(today, 30) });
    const closed = await insertPeriod(pool, { consortiumId: c, code: 'CLOSED', startsOn: isoDay(today, -90), endsOn: isoDay(today, -5), dueOn: isoDay(today, 2), state: 'closed' });
    const monthly = await insertPeriod(pool, { consortiumId: c, code: 'MONTH', kind: 'month', startsOn: isoDay(today, -30), endsOn: isoDay(today, -1), dueOn: isoDay(today, 1) });

    // done: both quarterly supplier metrics submitted or validated; partial: one only, the other a draft
    await insertValue(pool, { consortiumId: c, organisationId: done, metricId: m1, periodId: due, value: 12, status: 'submitted' });
    await insertValue(pool, { consortiumId: c, organisationId: done, metricId: m2, periodId: due, value: 80, status: 'validated' });
    await insertValue(pool, { consortiumId: c, organisationId: partial, metricId: m1, periodId: due, value: 12, status: 'validated' });
    await insertValue(pool, { consortiumId: c, organisationId: partial, metricId: m2, periodId: due, value: 80, status: 'draft' });
    // a customer's report about the late firm is not the firm's own submission
    await insertValue(pool, { consortiumId: c, organisationId: late, metricId: m1, periodId: due, customerId: customer, value: 12, status: 'validated' });
    await insertValue(pool, { consortiumId: c, organisationId: late, metricId: m2, periodId: due, customerId: customer, value: 12, status: 'validated' });

    const job = worker.get(SendRemindersJob);
    await Promise.all([job.run(today), job.run(today), job.run(today)]);
    await job.run(today);

    const { rows } = await pool.query<{ organisationId: string; periodId: string; to: string | null; subject: string | null; text: string | null }>(
      `SELECT r."organisationId", r."periodId", m."to", m.subject, m.text
         FROM "ReminderLog" r LEFT JOIN "OutboxMessage" m ON m.id = r."outboxMessageId"
        WHERE r."consortiumId" = $1 ORDER BY r."createdAt"`,
      [c],
    );
    const byOrg = (id: string) => rows.filter((r) => r.organisationId === id);
    // the monthly period is due tomorrow and nobody submitted the monthly metric: every active supplier is reminded of it
    expect(rows.filter((r) => r.periodId === monthly).map((r) => r.organisationId).sort()).toEqual([done, late, nobody, partial].sort());
    const quarterly = rows.filter((r) => r.periodId === due);
    expect(quarterly.map((r) => r.organisationId).sort()).toEqual([late, nobody, partial].sort());
    expect(rows.some((r) => r.periodId === later || r.periodId === closed)).toBe(false);
    expect(byOrg(suspended)).toEqual([]);
    expect(byOrg(customer)).toEqual([]);

    const lateReminder = quarterly.find((r) => r.organisationId === late);
    expect(lateReminder?.to?.split(', ').sort()).toEqual(emails['late']?.sort());
    expect(lateReminder?.subject).toContain('DUE');
    expect(lateReminder?.text).toContain('LEAD_TIME, OEE');
    expect(quarterly.find((r) => r.organisationId === partial)?.text).toContain('Not yet submitted: OEE.');
    // a firm without users is logged (never reminded twice) but gets no message
    expect(quarterly.find((r) => r.organisationId === nobody)?.to).toBeNull();

    // exactly one message per firm and period in the outbox, however many runs
    const { rows: counts } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE "consortiumId" = $1 AND subject LIKE 'Reminder:%' AND "to" LIKE $2`,
      [c, `%admin.late.${tag}%`],
    );
    expect(counts[0]?.n).toBe(2); // DUE and MONTH
    const { rows: audit } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "consortiumId" = $1 AND action = 'reminder.sent'`, [c]);
    expect(audit[0]?.n).toBe(rows.length);
  });

  it('in a quarterly calendar, chases every metric per quarter, the monthly ones included', async () => {
    const tag = randomBytes(4).toString('hex');
    const today = new Date();
    const c = await insertConsortium(pool, `remq-${tag}`); // quarterly, the default
    const firm = await insertOrganisation(pool, { code: `remq-firm-${tag}`, name: `Firm ${tag}`, kind: 'supplier' });
    await insertMembership(pool, c, firm);
    await insertUser(pool, { email: `admin.q.${tag}@example.test`, role: 'firm_admin', consortiumId: c, organisationId: firm });
    const lead = await insertMetric(pool, { consortiumId: c, code: 'LEAD_TIME', direction: 'lower', frequency: 'quarterly', reporters: ['supplier'] });
    await insertMetric(pool, { consortiumId: c, code: 'OTD', direction: 'higher', frequency: 'monthly', reporters: ['supplier', 'customer'] });
    const due = await insertPeriod(pool, { consortiumId: c, code: 'DUE', startsOn: isoDay(today, -90), endsOn: isoDay(today, -5), dueOn: isoDay(today, 3) });
    await insertValue(pool, { consortiumId: c, organisationId: firm, metricId: lead, periodId: due, value: 12, status: 'submitted' });

    await worker.get(SendRemindersJob).run(today);
    const { rows } = await pool.query<{ text: string }>(
      `SELECT m.text FROM "ReminderLog" r JOIN "OutboxMessage" m ON m.id = r."outboxMessageId" WHERE r."consortiumId" = $1`,
      [c],
    );
    expect(rows.map((r) => /Not yet submitted: ([^.]*)\./.exec(r.text)?.[1])).toEqual(['OTD']);
  });
});
