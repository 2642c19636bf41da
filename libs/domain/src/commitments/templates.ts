import { COMMITMENT_KIND_RULES, type CommitmentKindName } from './fulfilment';

export type CommitmentSideName = 'supplier' | 'customer' | 'any_member';

export interface TemplateInput {
  kind: CommitmentKindName;
  side: CommitmentSideName;
  target: number;
}

/** Kinds only a customer can promise (its sourcing and its payments). */
const CUSTOMER_ONLY: readonly CommitmentKindName[] = ['sponsored_suppliers_multi_year', 'payment_within_days'];

/**
 * What is wrong with a charter's templates, each error naming its field
 * (`templates.<i>.<field>`): a customer-side kind offered to suppliers, a percentage above
 * 100, a day count of zero, a kind and side listed twice.
 */
export function templateErrors(templates: readonly TemplateInput[]): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  templates.forEach((t, i) => {
    if (CUSTOMER_ONLY.includes(t.kind) && t.side !== 'customer') errors.push({ path: `templates.${i}.side`, message: `${t.kind} is a customer's commitment: side must be customer` });
    const unit = COMMITMENT_KIND_RULES[t.kind].unit;
    if (unit === 'percent' && t.target > 100) errors.push({ path: `templates.${i}.target`, message: 'is a percentage: at most 100' });
    if (unit === 'days' && t.target < 1) errors.push({ path: `templates.${i}.target`, message: 'is a number of days: at least 1' });
    const key = `${t.kind}/${t.side}`;
    if (seen.has(key)) errors.push({ path: `templates.${i}.kind`, message: `${t.kind} for ${t.side} is listed twice` });
    seen.add(key);
  });
  return errors;
}

/** Whether a template of `side` applies to a member organisation of `kind`. */
export function sideApplies(side: CommitmentSideName, organisationKind: string): boolean {
  if (side === 'any_member') return organisationKind === 'supplier' || organisationKind === 'customer';
  return organisationKind === side;
}
