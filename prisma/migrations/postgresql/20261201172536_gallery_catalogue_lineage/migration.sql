-- AlterTable
ALTER TABLE "ProviderConnection" ADD COLUMN     "callbackSecretCiphertext" TEXT,
ADD COLUMN     "catalogueError" TEXT,
ADD COLUMN     "catalogueLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "catalogueRefreshedAt" TIMESTAMP(3),
ADD COLUMN     "nextCatalogueRefreshAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "VideoTask" ADD COLUMN     "lastCallbackAt" TIMESTAMP(3),
ADD COLUMN     "lastPolledAt" TIMESTAMP(3),
ADD COLUMN     "lastProgressAt" TIMESTAMP(3),
ADD COLUMN     "lastProviderAnswer" TEXT,
ADD COLUMN     "sourceKind" TEXT,
ADD COLUMN     "sourceTaskId" TEXT,
ADD COLUMN     "variationGroupId" TEXT;

-- CreateTable
CREATE TABLE "CatalogueModel" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "spec" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogueModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HiddenModel" (
    "connectionId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "hiddenById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HiddenModel_pkey" PRIMARY KEY ("connectionId","modelId")
);

-- CreateTable
CREATE TABLE "ProviderCallback" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "taskId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProviderCallback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Favourite" (
    "userId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Favourite_pkey" PRIMARY KEY ("userId","taskId")
);

-- CreateTable
CREATE TABLE "Collection" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Collection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionItem" (
    "collectionId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectionItem_pkey" PRIMARY KEY ("collectionId","taskId")
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

-- AddForeignKey
ALTER TABLE "CatalogueModel" ADD CONSTRAINT "CatalogueModel_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ProviderConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiddenModel" ADD CONSTRAINT "HiddenModel_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ProviderConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderCallback" ADD CONSTRAINT "ProviderCallback_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ProviderConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Favourite" ADD CONSTRAINT "Favourite_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Favourite" ADD CONSTRAINT "Favourite_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "VideoTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Collection" ADD CONSTRAINT "Collection_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionItem" ADD CONSTRAINT "CollectionItem_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionItem" ADD CONSTRAINT "CollectionItem_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "VideoTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

