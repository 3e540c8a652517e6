-- AlterTable
ALTER TABLE "ProviderConnection" ADD COLUMN "callbackSecretCiphertext" TEXT;
ALTER TABLE "ProviderConnection" ADD COLUMN "catalogueError" TEXT;
ALTER TABLE "ProviderConnection" ADD COLUMN "catalogueLeaseUntil" DATETIME;
ALTER TABLE "ProviderConnection" ADD COLUMN "catalogueRefreshedAt" DATETIME;
ALTER TABLE "ProviderConnection" ADD COLUMN "nextCatalogueRefreshAt" DATETIME;

-- AlterTable
ALTER TABLE "VideoTask" ADD COLUMN "lastCallbackAt" DATETIME;
ALTER TABLE "VideoTask" ADD COLUMN "lastPolledAt" DATETIME;
ALTER TABLE "VideoTask" ADD COLUMN "lastProgressAt" DATETIME;
ALTER TABLE "VideoTask" ADD COLUMN "lastProviderAnswer" TEXT;
ALTER TABLE "VideoTask" ADD COLUMN "sourceKind" TEXT;
ALTER TABLE "VideoTask" ADD COLUMN "sourceTaskId" TEXT;
ALTER TABLE "VideoTask" ADD COLUMN "variationGroupId" TEXT;

-- CreateTable
CREATE TABLE "CatalogueModel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "spec" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CatalogueModel_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ProviderConnection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HiddenModel" (
    "connectionId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "hiddenById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("connectionId", "modelId"),
    CONSTRAINT "HiddenModel_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ProviderConnection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProviderCallback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "taskId" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProviderCallback_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ProviderConnection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Favourite" (
    "userId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "taskId"),
    CONSTRAINT "Favourite_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Favourite_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "VideoTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Collection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Collection_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CollectionItem" (
    "collectionId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("collectionId", "taskId"),
    CONSTRAINT "CollectionItem_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CollectionItem_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "VideoTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueModel_connectionId_modelId_key" ON "CatalogueModel"("connectionId", "modelId");

-- CreateIndex
CREATE INDEX "ProviderCallback_receivedAt_idx" ON "ProviderCallback"("receivedAt");

-- CreateIndex
CREATE INDEX "Favourite_teamId_userId_createdAt_idx" ON "Favourite"("teamId", "userId", "createdAt");

-- CreateIndex
CREATE INDEX "Favourite_taskId_idx" ON "Favourite"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "Collection_teamId_name_key" ON "Collection"("teamId", "name");

-- CreateIndex
CREATE INDEX "CollectionItem_taskId_idx" ON "CollectionItem"("taskId");

-- CreateIndex
CREATE INDEX "ProviderConnection_nextCatalogueRefreshAt_idx" ON "ProviderConnection"("nextCatalogueRefreshAt");

-- CreateIndex
CREATE INDEX "VideoTask_remixOfTaskId_idx" ON "VideoTask"("remixOfTaskId");

-- CreateIndex
CREATE INDEX "VideoTask_sourceTaskId_idx" ON "VideoTask"("sourceTaskId");

-- CreateIndex
CREATE INDEX "VideoTask_variationGroupId_idx" ON "VideoTask"("variationGroupId");

