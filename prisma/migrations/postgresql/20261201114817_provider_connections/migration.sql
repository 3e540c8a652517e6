-- AlterTable
ALTER TABLE "VideoTask" ADD COLUMN     "billedCents" INTEGER,
ADD COLUMN     "connectionId" TEXT;

-- AlterTable
ALTER TABLE "Charge" ADD COLUMN     "refundedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ProviderConnection" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "preset" TEXT NOT NULL,
    "baseUrl" TEXT,
    "keyCiphertext" TEXT,
    "keyLast4" TEXT,
    "keyUpdatedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProviderConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelPriceOverride" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "price" TEXT NOT NULL,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModelPriceOverride_pkey" PRIMARY KEY ("id")
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

-- AlterTable
ALTER TABLE "Team" DROP COLUMN "providerBaseUrl",
DROP COLUMN "providerChannel",
DROP COLUMN "providerKeyCiphertext",
DROP COLUMN "providerKeyLast4",
DROP COLUMN "providerKeyUpdatedAt";

-- CreateIndex
CREATE INDEX "ProviderConnection_teamId_createdAt_idx" ON "ProviderConnection"("teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ModelPriceOverride_connectionId_modelId_key" ON "ModelPriceOverride"("connectionId", "modelId");

-- CreateIndex
CREATE INDEX "VideoTask_connectionId_status_idx" ON "VideoTask"("connectionId", "status");

-- AddForeignKey
ALTER TABLE "ProviderConnection" ADD CONSTRAINT "ProviderConnection_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelPriceOverride" ADD CONSTRAINT "ModelPriceOverride_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ProviderConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VideoTask" ADD CONSTRAINT "VideoTask_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ProviderConnection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: tasks keep the connection they were polled with, and its preset.
UPDATE "VideoTask" SET "connectionId" = 'conn_' || "teamId",
  "channel" = CASE "channel" WHEN 'apiyi' THEN 'apiyi-official' WHEN 'custom' THEN 'custom-openai' ELSE "channel" END;
