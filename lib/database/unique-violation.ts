/**
 * True for a PostgreSQL unique violation surfacing through Prisma (P2002) or raw pg (23505).
 * Through @prisma/adapter-pg, P2002's `meta.target` is missing: the driver adapter's cause tells.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as {
    code?: unknown;
    cause?: { code?: unknown };
    meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
  } | null;
  if (!e) return false;
  if (e.code === "P2002" || e.code === "23505") return true;
  const cause = e.meta?.driverAdapterError?.cause;
  return cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505";
}
