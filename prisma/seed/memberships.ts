import type { MembershipTier, Prisma } from '../generated/client';
import { ORGANISATIONS, joinKey, type OrganisationRows } from './organisations';
import { addDays, day, rngFor, uuidv7 } from './prng';

/** Dues schedule the steering committee adopted, per tier (USD a year). */
export const ANNUAL_DUES: Record<MembershipTier, string> = {
  anchor_customer: '25000.00',
  supplier: '2500.00',
  labour: '0.00',
  partner: '0.00',
  associate: '5000.00',
};

/** The first charter (commitments.ts: version 1) was adopted then; members who joined before re-signed it in the weeks after. */
export const CHARTER_ADOPTED = day('2025-01-15');

/** The few non-active memberships, with the story of how they got there. */
const STATUS_STORY = {
  suspended: { on: day('2025-10-15'), reason: 'Annual dues for FY2026 unpaid 90 days after invoice; suspended by the steering committee pending payment plan.' },
  exited: { on: day('2025-06-30'), reason: 'Plant closed; production consolidated into the parent group\'s Ohio facility. Membership ended at its request.' },
} as const;

const ADMISSION_REASON = 'Application approved by the steering committee; charter signed.';

/** When an admitted member signed the first charter (commitments.ts turns these into CharterSignature rows). */
export interface CharterSigning {
  consortiumId: string;
  organisationId: string;
  signedAt: Date;
}

export interface MembershipRows {
  memberships: Prisma.MembershipCreateManyInput[];
  transitions: Prisma.MembershipTransitionCreateManyInput[];
  signings: CharterSigning[];
}

/**
 * Memberships with a transition history that leads to their status: applicants have none
 * yet, every other member was admitted once, and suspended or exited members carry the
 * transition that put them there (with the consortium staff member who recorded it).
 */
export function buildMemberships(consortiumIds: Map<string, string>, orgs: OrganisationRows, staffUserIds: Map<string, string>): MembershipRows {
  const rng = rngFor('memberships');
  const memberships: Prisma.MembershipCreateManyInput[] = [];
  const transitions: Prisma.MembershipTransitionCreateManyInput[] = [];
  const signings: CharterSigning[] = [];

  for (const org of ORGANISATIONS) {
    for (const m of org.memberships) {
      const consortiumId = consortiumIds.get(m.consortium);
      const organisationId = orgs.idByCode.get(org.code);
      const joined = orgs.joinedOn.get(joinKey(m.consortium, org.code));
      if (!consortiumId || !organisationId || !joined) throw new Error(`membership ${m.consortium}/${org.code}: missing reference`);
      const actorUserId = staffUserIds.get(m.consortium) ?? null;
      const applied = addDays(joined, -rng.int(14, 45));
      const admitted = m.status !== 'applicant';
      const signed = admitted ? (joined >= CHARTER_ADOPTED ? joined : addDays(CHARTER_ADOPTED, rng.int(0, 60))) : null;
      const story = m.status === 'suspended' || m.status === 'exited' ? STATUS_STORY[m.status] : null;
      const membershipId = uuidv7(applied, rng);

      if (admitted) {
        transitions.push({ id: uuidv7(joined, rng), membershipId, fromStatus: 'applicant', toStatus: 'active', reason: ADMISSION_REASON, effectiveDate: joined, actorUserId, createdAt: joined });
      }
      if (story) {
        transitions.push({ id: uuidv7(story.on, rng), membershipId, fromStatus: 'active', toStatus: m.status, reason: story.reason, effectiveDate: story.on, actorUserId, createdAt: story.on });
      }
      const lastChange = story?.on ?? (signed && signed > joined ? signed : admitted ? joined : applied);
      if (signed) signings.push({ consortiumId, organisationId, signedAt: signed });
      memberships.push({
        id: membershipId,
        consortiumId,
        organisationId,
        tier: m.tier,
        status: m.status,
        joinedAt: admitted ? joined : null,
        exitedAt: m.status === 'exited' ? STATUS_STORY.exited.on : null,
        annualDues: ANNUAL_DUES[m.tier],
        createdAt: applied,
        updatedAt: lastChange,
      });
    }
  }
  return { memberships, transitions, signings };
}
