-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "monthlyCapCents" INTEGER;

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "acceptedAt" DATETIME,
    "acceptedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invite_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetId" TEXT,
    "data" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VideoTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
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
    CONSTRAINT "VideoTask_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VideoTaskEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taskId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT,
    "progress" INTEGER,
    "message" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VideoTaskEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "VideoTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Charge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "model" TEXT NOT NULL,
    "size" TEXT NOT NULL,
    "seconds" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Charge_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Charge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Charge_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "VideoTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "monthlyBudgetCents" INTEGER,
    "retentionDays" INTEGER,
    "providerChannel" TEXT NOT NULL DEFAULT 'simulator',
    "providerBaseUrl" TEXT,
    "providerKeyCiphertext" TEXT,
    "providerKeyLast4" TEXT,
    "providerKeyUpdatedAt" DATETIME,
    "budgetLockVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Team" ("createdAt", "id", "name", "updatedAt") SELECT "createdAt", "id", "name", "updatedAt" FROM "Team";
DROP TABLE "Team";
ALTER TABLE "new_Team" RENAME TO "Team";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE INDEX "Invite_teamId_createdAt_idx" ON "Invite"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_teamId_createdAt_idx" ON "AuditEntry"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "VideoTask_teamId_createdAt_id_idx" ON "VideoTask"("teamId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "VideoTask_status_nextPollAt_idx" ON "VideoTask"("status", "nextPollAt");

-- CreateIndex
CREATE INDEX "VideoTask_archiveStatus_nextArchiveAt_idx" ON "VideoTask"("archiveStatus", "nextArchiveAt");

-- CreateIndex
CREATE INDEX "VideoTask_providerJobId_idx" ON "VideoTask"("providerJobId");

-- CreateIndex
CREATE UNIQUE INDEX "VideoTask_teamId_idempotencyKey_key" ON "VideoTask"("teamId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "VideoTaskEvent_taskId_createdAt_idx" ON "VideoTaskEvent"("taskId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Charge_taskId_key" ON "Charge"("taskId");

-- CreateIndex
CREATE INDEX "Charge_teamId_createdAt_idx" ON "Charge"("teamId", "createdAt");

