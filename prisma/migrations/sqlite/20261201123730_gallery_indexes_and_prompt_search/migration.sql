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

-- Prompt search (written by hand; docs/decisions/017-query-plans-and-search.md): an FTS5 index of
-- VideoTask.prompt with the trigram tokenizer (substring search in any script, Chinese included,
-- case-insensitive), external content (the prompt is stored once, in VideoTask) keyed by
-- VideoTask's rowid. The triggers keep it in the same transaction as every write of a task.
-- A later migration that redefines VideoTask (DROP + RENAME) drops these triggers and may renumber
-- rowids: lib/db/migrate.ts refuses to finish without the triggers and rebuilds this index after
-- every migration run.
CREATE VIRTUAL TABLE "VideoTaskSearch" USING fts5("prompt", content='VideoTask', content_rowid='rowid', tokenize='trigram');

CREATE TRIGGER "VideoTaskSearch_insert" AFTER INSERT ON "VideoTask" BEGIN
  INSERT INTO "VideoTaskSearch"("rowid", "prompt") VALUES (new."rowid", new."prompt");
END;

CREATE TRIGGER "VideoTaskSearch_delete" AFTER DELETE ON "VideoTask" BEGIN
  INSERT INTO "VideoTaskSearch"("VideoTaskSearch", "rowid", "prompt") VALUES ('delete', old."rowid", old."prompt");
END;

CREATE TRIGGER "VideoTaskSearch_update" AFTER UPDATE OF "prompt" ON "VideoTask" BEGIN
  INSERT INTO "VideoTaskSearch"("VideoTaskSearch", "rowid", "prompt") VALUES ('delete', old."rowid", old."prompt");
  INSERT INTO "VideoTaskSearch"("rowid", "prompt") VALUES (new."rowid", new."prompt");
END;

INSERT INTO "VideoTaskSearch"("VideoTaskSearch") VALUES ('rebuild');
