-- AlterTable
ALTER TABLE "Charge" ADD COLUMN "refundedAt" DATETIME;

-- CreateTable
CREATE TABLE "ProviderConnection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "preset" TEXT NOT NULL,
    "baseUrl" TEXT,
    "keyCiphertext" TEXT,
    "keyLast4" TEXT,
    "keyUpdatedAt" DATETIME,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProviderConnection_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ModelPriceOverride" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "price" TEXT NOT NULL,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ModelPriceOverride_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ProviderConnection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Data: each team's single provider setting becomes a connection ("conn_<team id>"; the preset
-- ids are lib/models/presets.ts'), every team keeps a built-in simulator connection, and every
-- task points at the connection it was polled with (the team's current one) and stores its preset.
INSERT INTO "ProviderConnection" ("id", "teamId", "name", "preset", "baseUrl", "keyCiphertext", "keyLast4", "keyUpdatedAt", "createdAt", "updatedAt")
SELECT 'conn_' || "id", "id",
  CASE "providerChannel" WHEN 'openai' THEN 'OpenAI' WHEN 'apiyi' THEN 'API易 官转' WHEN 'custom' THEN 'Custom relay' ELSE 'Simulator' END,
  CASE "providerChannel" WHEN 'openai' THEN 'openai' WHEN 'apiyi' THEN 'apiyi-official' WHEN 'custom' THEN 'custom-openai' ELSE 'simulator' END,
  CASE "providerChannel" WHEN 'custom' THEN "providerBaseUrl" ELSE NULL END,
  "providerKeyCiphertext", "providerKeyLast4", "providerKeyUpdatedAt", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "Team";
INSERT INTO "ProviderConnection" ("id", "teamId", "name", "preset", "createdAt", "updatedAt")
SELECT 'sim_' || "id", "id", 'Simulator', 'simulator', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "Team" WHERE "providerChannel" IN ('openai', 'apiyi', 'custom');

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "monthlyBudgetCents" INTEGER,
    "retentionDays" INTEGER,
    "budgetLockVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Team" ("budgetLockVersion", "createdAt", "id", "monthlyBudgetCents", "name", "retentionDays", "updatedAt") SELECT "budgetLockVersion", "createdAt", "id", "monthlyBudgetCents", "name", "retentionDays", "updatedAt" FROM "Team";
DROP TABLE "Team";
ALTER TABLE "new_Team" RENAME TO "Team";
CREATE TABLE "new_VideoTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "connectionId" TEXT,
    "channel" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "size" TEXT NOT NULL,
    "seconds" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "referenceImagePath" TEXT,
    "remixOfTaskId" TEXT,
    "providerJobId" TEXT,
    "status" TEXT NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "estimateCents" INTEGER NOT NULL,
    "billedCents" INTEGER,
    "reservedCents" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" DATETIME,
    "providerCreatedAt" DATETIME,
    "startedAt" DATETIME,
    "completedAt" DATETIME,
    "providerExpiresAt" DATETIME,
    "nextPollAt" DATETIME,
    "pollLeaseUntil" DATETIME,
    "pollCount" INTEGER NOT NULL DEFAULT 0,
    "archiveStatus" TEXT NOT NULL DEFAULT 'none',
    "archiveAttempts" INTEGER NOT NULL DEFAULT 0,
    "nextArchiveAt" DATETIME,
    "archiveLeaseUntil" DATETIME,
    "archiveError" TEXT,
    "videoPath" TEXT,
    "thumbnailPath" TEXT,
    "spritesheetPath" TEXT,
    "videoBytes" INTEGER,
    "archivedAt" DATETIME,
    "retainUntil" DATETIME,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VideoTask_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VideoTask_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ProviderConnection" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "VideoTask_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_VideoTask" ("archiveAttempts", "archiveError", "archiveLeaseUntil", "archiveStatus", "archivedAt", "channel", "completedAt", "createdAt", "createdById", "deletedAt", "errorCode", "errorMessage", "estimateCents", "id", "idempotencyKey", "model", "nextArchiveAt", "nextPollAt", "pollCount", "pollLeaseUntil", "progress", "prompt", "providerCreatedAt", "providerExpiresAt", "providerJobId", "referenceImagePath", "remixOfTaskId", "reservedCents", "retainUntil", "seconds", "size", "spritesheetPath", "startedAt", "status", "submittedAt", "teamId", "thumbnailPath", "updatedAt", "videoBytes", "videoPath") SELECT "archiveAttempts", "archiveError", "archiveLeaseUntil", "archiveStatus", "archivedAt", "channel", "completedAt", "createdAt", "createdById", "deletedAt", "errorCode", "errorMessage", "estimateCents", "id", "idempotencyKey", "model", "nextArchiveAt", "nextPollAt", "pollCount", "pollLeaseUntil", "progress", "prompt", "providerCreatedAt", "providerExpiresAt", "providerJobId", "referenceImagePath", "remixOfTaskId", "reservedCents", "retainUntil", "seconds", "size", "spritesheetPath", "startedAt", "status", "submittedAt", "teamId", "thumbnailPath", "updatedAt", "videoBytes", "videoPath" FROM "VideoTask";
DROP TABLE "VideoTask";
ALTER TABLE "new_VideoTask" RENAME TO "VideoTask";
CREATE INDEX "VideoTask_teamId_createdAt_id_idx" ON "VideoTask"("teamId", "createdAt", "id");
CREATE INDEX "VideoTask_status_nextPollAt_idx" ON "VideoTask"("status", "nextPollAt");
CREATE INDEX "VideoTask_archiveStatus_nextArchiveAt_idx" ON "VideoTask"("archiveStatus", "nextArchiveAt");
CREATE INDEX "VideoTask_providerJobId_idx" ON "VideoTask"("providerJobId");
CREATE INDEX "VideoTask_connectionId_status_idx" ON "VideoTask"("connectionId", "status");
CREATE UNIQUE INDEX "VideoTask_teamId_idempotencyKey_key" ON "VideoTask"("teamId", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ProviderConnection_teamId_createdAt_idx" ON "ProviderConnection"("teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ModelPriceOverride_connectionId_modelId_key" ON "ModelPriceOverride"("connectionId", "modelId");

-- Data: tasks keep the connection they were polled with, and its preset.
UPDATE "VideoTask" SET "connectionId" = 'conn_' || "teamId",
  "channel" = CASE "channel" WHEN 'apiyi' THEN 'apiyi-official' WHEN 'custom' THEN 'custom-openai' ELSE "channel" END;
