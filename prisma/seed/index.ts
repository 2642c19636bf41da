import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/client';
import { insertBenchmarks, insertCustomGroups } from './benchmarks';
import { anchorRows, calendarShift, seedToday } from './calendar';
import { insertCommitments } from './commitments';
import { buildConsortia } from './consortia';
import { buildCustomerFeedback } from './customer-feedback';
import { buildDemandSurveys } from './demand-surveys';
import { buildMemberships } from './memberships';
import { assertCatalogueConsistent, buildOrganisations } from './organisations';
import { buildPerformance, insertPerformance } from './performance';
import { buildTrainingPlans } from './training-plans';
import { buildTraining, buildWorkforceYears, insertTraining } from './training';
import { buildUsers, demoPasswordHash } from './users';
import { deriveTrainingMetricsIn } from '../../apps/worker/src/training-figures/derive-training-metrics';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-accounts';

export const DEFAULT_DATABASE_URL = 'postgresql://root@127.0.0.1:5432/tandem';

/** Any constant will do; it only has to be the same for every seeding process. */
const SEED_LOCK_KEY = 0x7a4d_5eed;

export interface SeedOptions {
  /** where progress lines go; tests pass a no-op */
  log?: (line: string) => void;
  /** the day the story is told as of; default SEED_TODAY, else today (calendar.ts) */
  today?: Date;
}

/** Every row of the demo story, as of `today` (deterministic for a given day). */
export async function buildSeed(today: Date) {
  assertCatalogueConsistent();
  const consortia = buildConsortia();
  const organisations = buildOrganisations(consortia.idBySlug);
  const users = buildUsers(await demoPasswordHash(), consortia.idBySlug, organisations);
  const memberships = buildMemberships(consortia.idBySlug, organisations, users.staffUserIds);
  const performance = buildPerformance(consortia, organisations, users);
  const training = buildTraining(consortia, organisations, users);
  const demandSurveys = buildDemandSurveys(consortia, organisations);
  anchorRows([consortia.rows, organisations.rows, users.users, users.roleAssignments, memberships, performance, training, demandSurveys], calendarShift(today));
  // years are not dates: the last three up to today's
  training.workforceYears = buildWorkforceYears(consortia, organisations, today);
  const customerFeedback = buildCustomerFeedback(performance, new Map(organisations.rows.map((o) => [o.id as string, o.code])));
  // told as of today already (plan years are fiscal years of today's calendar): not shifted
  const trainingPlans = buildTrainingPlans(today, consortia.idBySlug, organisations, users);
  return { consortia, organisations, users, memberships, performance, customerFeedback, trainingPlans, training, demandSurveys };
}

/**
 * Loads the demo story (two consortia, their members, one account per role, and their
 * supplier performance: performance.ts) into an empty, migrated database. Does nothing when
 * any user exists, so it is safe to run on every `npm start`. Deterministic: two runs
 * against two empty databases produce the same rows, ids included.
 */
export async function seed(databaseUrl: string, options: SeedOptions = {}): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (process.env.NODE_ENV === 'production') {
    throw new Error('Refusing to seed demo data: NODE_ENV is "production". The demo accounts share a published password.');
  }
  const today = options.today ?? seedToday();
  const { consortia, organisations, users, memberships, performance, customerFeedback, trainingPlans, training, demandSurveys } = await buildSeed(today);

  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  let benchmarkCells = 0;
  let commitments = 0;
  try {
    const seeded = await prisma.$transaction(
      async (tx) => {
        // two processes started together (npm start beside a test run) must not both seed
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
        if ((await tx.user.count()) > 0) return false;
        await tx.consortium.createMany({ data: consortia.rows });
        await tx.organisation.createMany({ data: organisations.rows });
        await tx.user.createMany({ data: users.users });
        await tx.roleAssignment.createMany({ data: users.roleAssignments });
        await tx.membership.createMany({ data: memberships.memberships });
        await tx.membershipTransition.createMany({ data: memberships.transitions });
        await insertPerformance(tx, performance);
        await tx.customerFeedback.createMany({ data: customerFeedback });
        await tx.unionRepresentation.createMany({ data: trainingPlans.representations });
        await tx.trainingPlan.createMany({ data: trainingPlans.plans });
        await tx.trainingPlanEvent.createMany({ data: trainingPlans.events });
        await insertTraining(tx, training);
        await tx.demandSurvey.createMany({ data: demandSurveys.surveys });
        await tx.demandAnswer.createMany({ data: demandSurveys.answers });
        // TRAIN_HRS and TRAIN_SPEND as the worker derives them from these records, before benchmarks take them in
        for (const c of consortia.rows) await deriveTrainingMetricsIn(tx, c.id as string, null, today, { includePublished: true, at: today });
        const glmp = consortia.idBySlug.get('glmp');
        if (glmp) await insertCustomGroups(tx, glmp, new Date(consortia.rows.find((c) => c.id === glmp)?.createdAt as Date));
        const closed = performance.periods
          .filter((p) => p.state !== 'open' && p.closedAt)
          .sort((a, b) => new Date(a.startsOn).getTime() - new Date(b.startsOn).getTime())
          .map((p) => ({ id: p.id as string, consortiumId: p.consortiumId, closedAt: new Date(p.closedAt as Date) }));
        benchmarkCells = await insertBenchmarks(tx, closed, new Map(consortia.rows.map((c) => [c.id as string, c.disclosureThreshold ?? 5])));
        const charters = await insertCommitments(tx, today, consortia, organisations, users, memberships);
        commitments = charters.commitments;
        return true;
      },
      // two minutes: one transaction for the whole story, on a CI machine that runs other work beside it
      { maxWait: 10_000, timeout: 120_000 },
    );
    if (!seeded) {
      log('already seeded: the database has users; nothing changed');
      return;
    }
    log(
      `seeded ${consortia.rows.length} consortia, ${organisations.rows.length} organisations, ` +
        `${memberships.memberships.length} memberships, ${users.users.length} users, ` +
        `${performance.periods.length} periods, ${performance.relationships.length} supply relationships, ` +
        `${performance.values.length} metric values, ${performance.scorecards.length} scorecards, ${benchmarkCells} benchmark cells, ` +
        `${training.curricula.length} curricula, ${training.sessions.length} course sessions, ${training.enrolments.length} enrolments, ` +
        `${trainingPlans.plans.length} training plans, ${commitments} commitments, as of ${today.toISOString().slice(0, 10)}`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) {
  seed(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL).catch((error: unknown) => {
    console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
