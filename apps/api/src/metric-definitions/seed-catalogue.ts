import type { Prisma } from '@tandem/db';
import { STANDARD_CATALOGUE, standardDefinitionFields } from '@tandem/domain';

/** Anything that can insert metric definitions: a transaction client, scoped or not. */
export interface CatalogueWriter {
  metricDefinition: { createMany(args: { data: Prisma.MetricDefinitionCreateManyInput[]; skipDuplicates?: boolean }): Promise<{ count: number }> };
}

/** The standard catalogue (metrics.md) as rows of one consortium. */
export function catalogueRows(consortiumId: string): Prisma.MetricDefinitionCreateManyInput[] {
  return STANDARD_CATALOGUE.map((m) => ({ consortiumId, ...standardDefinitionFields(m) }));
}

/**
 * Seed a consortium's catalogue with the standard metrics, in the caller's transaction (the
 * consortium's creation). Idempotent: codes the consortium already has are left alone, so
 * a disabled or customised entry is never reset.
 */
export async function seedCatalogue(tx: CatalogueWriter, consortiumId: string): Promise<number> {
  const { count } = await tx.metricDefinition.createMany({ data: catalogueRows(consortiumId), skipDuplicates: true });
  return count;
}
