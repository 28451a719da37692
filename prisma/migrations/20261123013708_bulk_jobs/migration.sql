-- CreateEnum
CREATE TYPE "BulkJobKind" AS ENUM ('change', 'retry', 'undo');

-- CreateEnum
CREATE TYPE "BulkJobState" AS ENUM ('queued', 'running', 'paused', 'cancelled', 'done');

-- CreateEnum
CREATE TYPE "BulkItemState" AS ENUM ('pending', 'in_flight', 'done', 'failed', 'skipped');

-- CreateTable
CREATE TABLE "BulkJob" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "createdById" TEXT,
    "kind" "BulkJobKind" NOT NULL DEFAULT 'change',
    "sourceJobId" TEXT,
    "target" TEXT NOT NULL,
    "selection" JSONB NOT NULL,
    "state" "BulkJobState" NOT NULL DEFAULT 'queued',
    "pauseReason" TEXT,
    "pauseCode" TEXT,
    "pausedAt" TIMESTAMP(3),
    "resumeAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BulkJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkJobItem" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "productId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "previousStatus" TEXT NOT NULL,
    "previousNative" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "state" "BulkItemState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "code" TEXT,
    "message" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "ticket" TEXT,
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BulkJobItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BulkJob_teamId_createdAt_idx" ON "BulkJob"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "BulkJob_state_idx" ON "BulkJob"("state");

-- CreateIndex
CREATE INDEX "BulkJobItem_jobId_state_idx" ON "BulkJobItem"("jobId", "state");

-- CreateIndex
CREATE INDEX "BulkJobItem_jobId_finishedAt_idx" ON "BulkJobItem"("jobId", "finishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BulkJobItem_jobId_productId_key" ON "BulkJobItem"("jobId", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "BulkJobItem_jobId_seq_key" ON "BulkJobItem"("jobId", "seq");

-- AddForeignKey
ALTER TABLE "BulkJob" ADD CONSTRAINT "BulkJob_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkJob" ADD CONSTRAINT "BulkJob_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "MarketplaceAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkJob" ADD CONSTRAINT "BulkJob_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkJob" ADD CONSTRAINT "BulkJob_sourceJobId_fkey" FOREIGN KEY ("sourceJobId") REFERENCES "BulkJob"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkJobItem" ADD CONSTRAINT "BulkJobItem_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "BulkJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (Prisma's schema cannot express partial indexes): workers claim a job's pending items in their
-- order, and look for items whose claim has lapsed (a process that died) by the lease's end.
CREATE INDEX "BulkJobItem_pending_idx" ON "BulkJobItem"("jobId", "seq") WHERE "state" = 'pending';
CREATE INDEX "BulkJobItem_in_flight_idx" ON "BulkJobItem"("leaseUntil") WHERE "state" = 'in_flight';
