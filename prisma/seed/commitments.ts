import { fiscalYearBounds, fiscalYearOf, sideApplies, type CommitmentSideName } from '@tandem/domain';
import { evaluateCommitmentsIn } from '../../apps/worker/src/commitments/evaluate-commitments';
import type { CommitmentKind, Prisma } from '../generated/client';
import type { ConsortiumRows } from './consortia';
import type { MembershipRows } from './memberships';
import type { OrganisationRows } from './organisations';
import { addDays, rngFor, uuidv7 } from './prng';
import type { UserRows } from './users';

type Tx = Prisma.TransactionClient;

interface TemplateSeed {
  kind: CommitmentKind;
  side: CommitmentSideName;
  target: number;
  description: string;
}

/** The first charter's commitments: the training partnership's and the supply bargain's. */
const V1_TEMPLATES: TemplateSeed[] = [
  { kind: 'training_hours_per_frontline_worker', side: 'supplier', target: 24, description: 'Train every frontline worker at least 24 hours a year' },
  { kind: 'training_spend_pct_of_payroll', side: 'supplier', target: 1.5, description: 'Spend at least 1.5 % of payroll on training' },
  { kind: 'metrics_submitted_on_time', side: 'supplier', target: 90, description: 'Submit at least 90 % of the performance metrics by each period\'s due date' },
  { kind: 'curricula_shared', side: 'any_member', target: 1, description: 'Share at least one curriculum with the consortium each year' },
  { kind: 'modernisation_investment', side: 'supplier', target: 25000, description: 'Invest at least $25,000 a year in modernisation (attested)' },
  { kind: 'jobs_created', side: 'supplier', target: 2, description: 'Create at least two jobs a year (attested)' },
  { kind: 'sponsored_suppliers_multi_year', side: 'customer', target: 100, description: 'Keep every sponsored supplier on multi-year or better sourcing' },
  { kind: 'payment_within_days', side: 'customer', target: 45, description: 'Pay member suppliers within 45 days (attested average)' },
];

/** The second version raises the training bar and shortens payment terms. */
const V2_TEMPLATES: TemplateSeed[] = V1_TEMPLATES.map((t) =>
  t.kind === 'training_hours_per_frontline_worker'
    ? { ...t, target: 28, description: 'Train every frontline worker at least 28 hours a year' }
    : t.kind === 'payment_within_days'
      ? { ...t, target: 30, description: 'Pay member suppliers within 30 days (attested average)' }
      : t,
);

export interface CommitmentSeedCounts {
  charters: number;
  signatures: number;
  commitments: number;
}

/**
 * Charters and commitments. Every consortium has charter version 1, signed by each
 * admitted member when its membership says it signed. The glmp consortium published version 2
 * ten days ago: three members signed it, the others are asked to. glmp's active members hold
 * commitments for last fiscal year (over) and this one, from version 1's templates; a few are
 * attested (one verified and met early, one verified and on track, one awaiting staff), one
 * is waived. States then come from the real evaluation as of today (libs/domain on the seed's
 * own data): last year's unattested and untrained commitments missed (with their reviews, one
 * decided), the customer whose sponsored supplier is still on annual rebid at risk.
 */
export async function insertCommitments(
  tx: Tx,
  today: Date,
  consortia: ConsortiumRows,
  organisations: OrganisationRows,
  users: UserRows,
  memberships: MembershipRows,
): Promise<CommitmentSeedCounts> {
  const rng = rngFor('commitments');
  const orgName = new Map(organisations.rows.map((o) => [o.id as string, o.name]));
  const orgKind = new Map(organisations.rows.map((o) => [o.id as string, o.kind as string]));
  const userName = new Map(users.users.map((u) => [u.id as string, u.name]));
  const adminName = new Map<string, string>();
  for (const ra of users.roleAssignments) {
    if (ra.role === 'firm_admin' && ra.organisationId && !adminName.has(ra.organisationId)) adminName.set(ra.organisationId, userName.get(ra.userId) ?? '');
  }
  const signer = (organisationId: string) => adminName.get(organisationId) || `Plant manager, ${orgName.get(organisationId) ?? 'member'}`;
  const glmp = consortia.idBySlug.get('glmp');
  let charters = 0;
  let signatures = 0;

  const templateIds = new Map<string, Map<string, string>>();
  for (const consortium of consortia.rows) {
    const consortiumId = consortium.id as string;
    const signings = memberships.signings.filter((s) => s.consortiumId === consortiumId).sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime() || a.organisationId.localeCompare(b.organisationId));
    if (signings.length === 0) continue;
    const adopted = signings[0].signedAt;
    const v1 = uuidv7(adopted, rng);
    const hasV2 = consortiumId === glmp;
    await tx.charter.create({
      data: {
        id: v1,
        consortiumId,
        version: 1,
        title: `${consortium.name} charter`,
        summary: 'Members commit to train their frontline workers, share curricula and report on time; customers commit to long-term sourcing of the suppliers they sponsor and to prompt payment.',
        state: hasV2 ? 'superseded' : 'published',
        publishedAt: adopted,
        createdAt: addDays(adopted, -14),
        templates: { create: V1_TEMPLATES.map((t) => ({ id: uuidv7(adopted, rng), ...t })) },
      },
    });
    charters++;
    const ids = new Map((await tx.commitmentTemplate.findMany({ where: { charterId: v1 }, select: { id: true, kind: true, side: true } })).map((t) => [t.kind, t.id]));
    templateIds.set(consortiumId, ids);
    await tx.charterSignature.createMany({
      data: signings.map((s) => ({ id: uuidv7(s.signedAt, rng), consortiumId, charterId: v1, organisationId: s.organisationId, signedAt: s.signedAt, signerName: signer(s.organisationId), createdAt: s.signedAt })),
    });
    signatures += signings.length;
    if (hasV2) {
      const published = addDays(today, -10);
      const v2 = uuidv7(published, rng);
      await tx.charter.create({
        data: {
          id: v2,
          consortiumId,
          version: 2,
          title: `${consortium.name} charter, second edition`,
          summary: 'Raises the training baseline to 28 hours per frontline worker and shortens payment terms to 30 days.',
          state: 'published',
          publishedAt: published,
          createdAt: addDays(published, -21),
          templates: { create: V2_TEMPLATES.map((t) => ({ id: uuidv7(published, rng), ...t })) },
        },
      });
      charters++;
      // three members signed the new version already; the rest are awaited
      const early = [...new Set(signings.map((s) => s.organisationId))].sort().slice(0, 3);
      await tx.charterSignature.createMany({
        data: early.map((organisationId, i) => {
          const signedAt = addDays(published, 1 + i * 2);
          return { id: uuidv7(signedAt, rng), consortiumId, charterId: v2, organisationId, signedAt, signerName: signer(organisationId), createdAt: signedAt };
        }),
      });
      signatures += early.length;
    }
  }

  if (!glmp) return { charters, signatures, commitments: 0 };
  const consortium = consortia.rows.find((c) => c.id === glmp);
  const startMonth = consortium?.fiscalYearStartMonth ?? 1;
  const thisYear = fiscalYearOf(today, startMonth);
  const ids = templateIds.get(glmp) ?? new Map<string, string>();
  const members = memberships.memberships
    .filter((m) => m.consortiumId === glmp && m.status === 'active')
    .map((m) => m.organisationId)
    .sort();
  const rows: Prisma.CommitmentCreateManyInput[] = [];
  for (const year of [thisYear - 1, thisYear]) {
    const { startsOn, endsOn } = fiscalYearBounds(year, startMonth);
    const generated = addDays(startsOn, 3);
    for (const t of V1_TEMPLATES) {
      const templateId = ids.get(t.kind);
      if (!templateId) continue;
      for (const organisationId of members) {
        if (!sideApplies(t.side, orgKind.get(organisationId) ?? '')) continue;
        rows.push({ id: uuidv7(generated, rng), consortiumId: glmp, organisationId, templateId, kind: t.kind, year, startsOn, endsOn, target: t.target, stateChangedAt: generated, createdAt: generated });
      }
    }
  }
  // the story's attestations and one waiver, all this year
  const current = (kind: CommitmentKind, nth = 0) => rows.filter((r) => r.kind === kind && r.year === thisYear)[nth];
  const lastYear = (kind: CommitmentKind, nth = 0) => rows.filter((r) => r.kind === kind && r.year === thisYear - 1)[nth];
  const staffId = users.staffUserIds.get('glmp') ?? null;
  const attest = (row: Prisma.CommitmentCreateManyInput | undefined, value: number, note: string, verified: boolean) => {
    if (!row) return;
    const at = addDays(today, -20);
    Object.assign(row, { attestedValue: value, attestationNote: note, attestedAt: at, verifiedAt: verified ? addDays(at, 4) : null, verifiedByUserId: verified ? staffId : null });
  };
  attest(current('jobs_created'), 3, 'Two CNC operators and a maintenance technician hired for the second shift (payroll records on file).', true);
  attest(current('modernisation_investment'), 40000, 'Quick-change tooling on two presses; invoices attached.', false);
  attest(current('payment_within_days'), 32, 'Average days to pay member suppliers, from the AP ledger.', true);
  attest(lastYear('payment_within_days'), 52, 'Average days to pay member suppliers last year, from the AP ledger.', true);
  const waived = current('training_spend_pct_of_payroll', 1);
  if (waived) {
    Object.assign(waived, { state: 'waived', waivedReason: 'Plant shut for four months after the spring flood; the steering committee waived this year\'s spend target.', waivedAt: addDays(today, -30), waivedByUserId: staffId, stateChangedAt: addDays(today, -30) });
  }
  await tx.commitment.createMany({ data: rows });
  if (waived) await tx.commitmentTransition.create({ data: { commitmentId: waived.id as string, fromState: 'on_track', toState: 'waived', at: addDays(today, -30) } });

  // the states, from the evaluation the worker runs (nobody is e-mailed for the seed's story)
  await evaluateCommitmentsIn(tx, today, { consortiumId: glmp });
  const review = await tx.commitmentReview.findFirst({ where: { consortiumId: glmp }, orderBy: { id: 'asc' } });
  if (review) {
    await tx.commitmentReview.update({ where: { id: review.id }, data: { outcome: 'warning', note: 'Discussed at the steering committee: a written warning; the firm presented a training plan for this year.', decidedAt: today, decidedByUserId: staffId } });
  }
  return { charters, signatures, commitments: rows.length };
}
