-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "consortiumIds" UUID[] DEFAULT ARRAY[]::UUID[];

-- CreateIndex
CREATE INDEX "Organisation_consortiumIds_idx" ON "Organisation" USING GIN ("consortiumIds");

-- prisma/tools: hand-written SQL below this line (kept by `tsx prisma/tools/cli.ts regenerate`)

-- "consortiumIds" lists the consortia whose staff see an organisation: the one that
-- registered it and every one it is a member of. Triggers keep it exact, so the tenant
-- scope for staff is `"consortiumIds" @> ARRAY[c]` on a GIN index rather than an OR with an
-- EXISTS over memberships (see docs/architecture.md and `npm run bench -- list`).
CREATE FUNCTION tandem_organisation_consortia(org uuid, registered uuid) RETURNS uuid[]
LANGUAGE sql STABLE AS $$
  SELECT COALESCE(array_agg(DISTINCT c ORDER BY c), ARRAY[]::uuid[])
  FROM (
    SELECT "consortiumId" AS c FROM "Membership" WHERE "organisationId" = org
    UNION
    SELECT registered WHERE registered IS NOT NULL
  ) AS visible
$$;

CREATE FUNCTION tandem_organisation_set_consortia() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."consortiumIds" := tandem_organisation_consortia(NEW.id, NEW."registeredByConsortiumId");
  RETURN NEW;
END
$$;

CREATE TRIGGER organisation_consortia
BEFORE INSERT OR UPDATE OF "registeredByConsortiumId", "consortiumIds" ON "Organisation"
FOR EACH ROW EXECUTE FUNCTION tandem_organisation_set_consortia();

CREATE FUNCTION tandem_membership_refresh_consortia() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "Organisation" SET "consortiumIds" = tandem_organisation_consortia(id, "registeredByConsortiumId") WHERE id = NEW."organisationId";
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "Organisation" SET "consortiumIds" = tandem_organisation_consortia(id, "registeredByConsortiumId") WHERE id = OLD."organisationId";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER membership_consortia
AFTER INSERT OR DELETE OR UPDATE OF "organisationId", "consortiumId" ON "Membership"
FOR EACH ROW EXECUTE FUNCTION tandem_membership_refresh_consortia();

UPDATE "Organisation" SET "consortiumIds" = tandem_organisation_consortia(id, "registeredByConsortiumId");
