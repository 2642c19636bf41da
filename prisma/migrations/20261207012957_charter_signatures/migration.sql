-- The membership's free-text charter fields (charterVersion, charterSignedAt) give way to
-- versioned charters and signatures (issue 9). The data moves first, then the columns go:
-- both statements are below the marker so the move runs before the drop.

-- prisma/tools: hand-written SQL below this line (kept by `tsx prisma/tools/cli.ts regenerate`)

-- One charter per consortium and distinct recorded version text, numbered in the order the
-- versions were first signed (then by their text); the latest is the published one, older
-- ones superseded. Their templates are for staff to add (the old fields held none).
-- Guarded: a squashed history (prisma/tools squash) builds the final schema first, where the
-- old columns no longer exist and there is nothing to move.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'Membership' AND column_name = 'charterVersion') THEN
    RETURN;
  END IF;
  WITH versions AS (
    SELECT m."consortiumId", m."charterVersion" AS label,
           min(COALESCE(m."charterSignedAt", m."joinedAt"::timestamp, m."createdAt")) AS first_signed
    FROM "Membership" m
    WHERE m."charterVersion" IS NOT NULL AND btrim(m."charterVersion") <> ''
    GROUP BY m."consortiumId", m."charterVersion"
  ),
  numbered AS (
    SELECT v.*,
           row_number() OVER (PARTITION BY v."consortiumId" ORDER BY v.first_signed, v.label) AS version,
           count(*) OVER (PARTITION BY v."consortiumId") AS versions
    FROM versions v
  )
  INSERT INTO "Charter" (id, "consortiumId", version, title, summary, state, "publishedAt", "createdAt", "updatedAt")
  SELECT gen_random_uuid(), n."consortiumId", n.version, 'Charter ' || n.label,
         'Migrated from the membership records (version ' || n.label || ')',
         (CASE WHEN n.version = n.versions THEN 'published' ELSE 'superseded' END)::"CharterState",
         n.first_signed, now(), now()
  FROM numbered n;

  -- One signature per membership that recorded a version: when it was recorded as signed (or,
  -- without a date, when the member joined); the signer's name was never recorded.
  INSERT INTO "CharterSignature" (id, "consortiumId", "charterId", "organisationId", "signedAt", "signedByUserId", "signerName", "createdAt")
  SELECT gen_random_uuid(), m."consortiumId", c.id, m."organisationId",
         COALESCE(m."charterSignedAt", m."joinedAt"::timestamp, m."createdAt"), NULL,
         'not recorded (migrated from the membership)', now()
  FROM "Membership" m
  JOIN "Charter" c ON c."consortiumId" = m."consortiumId" AND c.title = 'Charter ' || m."charterVersion"
  WHERE m."charterVersion" IS NOT NULL AND btrim(m."charterVersion") <> '';
END $$;

ALTER TABLE "Membership" DROP COLUMN IF EXISTS "charterSignedAt",
DROP COLUMN IF EXISTS "charterVersion";
