-- CreateTable
CREATE TABLE "ExportTicket" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "modelSlug" TEXT,
    "params" JSONB NOT NULL,
    "sealedKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),

    CONSTRAINT "ExportTicket_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExportTicket_tokenHash_key" ON "ExportTicket"("tokenHash");

-- CreateIndex
CREATE INDEX "ExportTicket_expiresAt_idx" ON "ExportTicket"("expiresAt");

