import { db } from "@/lib/db";

// A content hash of every domain table: "the database is unchanged" means equal fingerprints.
// Bookkeeping tables (audit, sessions, rate limits, export tickets) are left out on purpose.
const TABLES = [
  "Tenant",
  "User",
  "Membership",
  "ApiToken",
  "Project",
  "Connection",
  "ProjectConnection",
  "LlmConfig",
  "AgentConfig",
  "Model",
  "ModelVersion",
  "Aggregate",
  "PocketTable",
  "Recipe",
  "ProjectSetting",
  "AccessBinding",
  "QueryLog",
  "MissLog",
  "AlertEvent",
  "AgentConversation",
  "SchedulerRun",
];

export async function dbFingerprint(): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const rows = await db.$queryRawUnsafe<{ n: bigint; h: string | null }[]>(
      `SELECT count(*) AS n, md5(string_agg(t::text, ',' ORDER BY t::text)) AS h FROM "${table}" t`,
    );
    result[table] = `${rows[0]!.n}:${rows[0]!.h ?? "-"}`;
  }
  return result;
}
