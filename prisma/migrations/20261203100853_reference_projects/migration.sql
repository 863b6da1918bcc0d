-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "reference" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "referenceSource" JSONB;

