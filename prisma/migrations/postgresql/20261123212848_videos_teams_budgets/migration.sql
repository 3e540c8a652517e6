-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "budgetLockVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "monthlyBudgetCents" INTEGER,
ADD COLUMN     "providerBaseUrl" TEXT,
ADD COLUMN     "providerChannel" TEXT NOT NULL DEFAULT 'simulator',
ADD COLUMN     "providerKeyCiphertext" TEXT,
ADD COLUMN     "providerKeyLast4" TEXT,
ADD COLUMN     "providerKeyUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "retentionDays" INTEGER;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "monthlyCapCents" INTEGER;

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetId" TEXT,
    "data" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VideoTask" (
    "id" TEXT NOT NULL,
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
    "submittedAt" TIMESTAMP(3),
    "providerCreatedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "providerExpiresAt" TIMESTAMP(3),
    "nextPollAt" TIMESTAMP(3),
    "pollLeaseUntil" TIMESTAMP(3),
    "pollCount" INTEGER NOT NULL DEFAULT 0,
    "archiveStatus" TEXT NOT NULL DEFAULT 'none',
    "archiveAttempts" INTEGER NOT NULL DEFAULT 0,
    "nextArchiveAt" TIMESTAMP(3),
    "archiveLeaseUntil" TIMESTAMP(3),
    "archiveError" TEXT,
    "videoPath" TEXT,
    "thumbnailPath" TEXT,
    "spritesheetPath" TEXT,
    "videoBytes" INTEGER,
    "archivedAt" TIMESTAMP(3),
    "retainUntil" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VideoTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VideoTaskEvent" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT,
    "progress" INTEGER,
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VideoTaskEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Charge" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "model" TEXT NOT NULL,
    "size" TEXT NOT NULL,
    "seconds" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Charge_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VideoTask" ADD CONSTRAINT "VideoTask_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VideoTask" ADD CONSTRAINT "VideoTask_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VideoTaskEvent" ADD CONSTRAINT "VideoTaskEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "VideoTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Charge" ADD CONSTRAINT "Charge_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Charge" ADD CONSTRAINT "Charge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Charge" ADD CONSTRAINT "Charge_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "VideoTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

