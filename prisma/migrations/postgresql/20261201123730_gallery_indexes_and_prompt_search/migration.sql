-- DropIndex
DROP INDEX "VideoTask_status_nextPollAt_idx";

-- CreateIndex
CREATE INDEX "VideoTask_teamId_status_createdAt_id_idx" ON "VideoTask"("teamId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "VideoTask_teamId_model_createdAt_id_idx" ON "VideoTask"("teamId", "model", "createdAt", "id");

-- CreateIndex
CREATE INDEX "VideoTask_teamId_createdById_createdAt_id_idx" ON "VideoTask"("teamId", "createdById", "createdAt", "id");

-- CreateIndex
CREATE INDEX "VideoTask_nextPollAt_idx" ON "VideoTask"("nextPollAt");

-- CreateIndex
CREATE INDEX "VideoTask_teamId_reservedCents_idx" ON "VideoTask"("teamId", "reservedCents");

-- Retention (lib/videos/sweep.ts), written by hand because models.prisma cannot say "partial":
-- only live tasks with an expiry, so videos retention has already removed (deleted, retainUntil
-- kept) never lengthen the sweep's range scan, and both planners see how small the index is.
CREATE INDEX "VideoTask_retainUntil_live_idx" ON "VideoTask"("retainUntil") WHERE "deletedAt" IS NULL AND "retainUntil" IS NOT NULL;

-- Prompt search (written by hand; docs/decisions/017-query-plans-and-search.md): a trigram GIN
-- index serves `prompt ILIKE '%…%'` (what the gallery's search sends) in any script, Chinese
-- included when the database's LC_CTYPE is a UTF-8 locale. pg_trgm is a trusted extension: the
-- database's owner may create it. PostgreSQL keeps the index in step with every write itself.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "VideoTask_prompt_trgm_idx" ON "VideoTask" USING gin ("prompt" gin_trgm_ops);
