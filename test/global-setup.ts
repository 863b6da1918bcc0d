import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/database/apply-migrations";
import type { EmbeddedPostgresHandle } from "@/lib/database/start-embedded-postgres";

// One PostgreSQL per test run (the embedded one, or DATABASE_URL's server), with two templates:
// `ferry_tpl_demo` (migrations + SPEC §9 demo data) and `ferry_tpl_empty` (migrations only).
// Each test file clones one in ~50 ms (test/setup-database.ts).

let server: EmbeddedPostgresHandle | undefined;
// embedded-postgres registers exit hooks (async-exit-hook): its `beforeExit` handler calls
// process.exit(0), which would erase Vitest's failing exit code (a run with failed tests would exit
// 0), and its `exit` handler cannot finish its own async shutdown. The module is imported here,
// after noting the listeners that were there before; teardown stops the server itself and removes
// the `beforeExit` and `exit` listeners the module added (its signal handlers stay).
const HOOKED = ["beforeExit", "exit"] as const;
let listenersBefore: Map<string, Set<unknown>> | undefined;
// Both events take listeners of the same shape; the cast picks one of Node's overloads.
const listenersOf = (event: (typeof HOOKED)[number]) => process.listeners(event as "exit");
const embedded = async () => {
  listenersBefore ??= new Map(HOOKED.map((event) => [event, new Set<unknown>(listenersOf(event))]));
  return import("@/lib/database/start-embedded-postgres");
};

export async function setup(project: TestProject) {
  const { startEmbeddedPostgres } = await embedded();
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    server = await startEmbeddedPostgres({
      dataDir: path.join(process.cwd(), ".data", "test-postgres"),
      port: Number(process.env.FERRY_TEST_PG_PORT ?? 54339),
    });
    adminUrl = server.adminUrl;
  }
  process.env.FERRY_MASTER_KEY = randomBytes(32).toString("base64");
  const demo = await buildTemplate(adminUrl, "ferry_tpl_demo", true);
  await buildTemplate(adminUrl, "ferry_tpl_empty", false);
  project.provide("testDatabase", { adminUrl, masterKey: process.env.FERRY_MASTER_KEY, demoTemplate: demo });
}

export async function teardown() {
  await server?.stop();
  for (const event of HOOKED)
    for (const listener of listenersOf(event))
      if (!listenersBefore?.get(event)?.has(listener)) process.removeListener(event as "exit", listener);
}

async function buildTemplate(adminUrl: string, name: string, seed: boolean): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`UPDATE pg_database SET datistemplate = false WHERE datname = $1`, [name]);
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const { ensureDatabase } = await embedded();
  await ensureDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  await applyMigrations({ databaseUrl: url });
  if (seed) {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    const { PrismaClient } = await import("@/generated/prisma/client");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { seedDemoData } = await import("@/lib/demo/seed-demo-data");
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    await seedDemoData(client);
    await client.$disconnect();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
  const admin2 = new pg.Client({ connectionString: adminUrl });
  await admin2.connect();
  await admin2.query(`UPDATE pg_database SET datistemplate = true WHERE datname = $1`, [name]);
  await admin2.end();
  return name;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { adminUrl: string; masterKey: string; demoTemplate: string };
  }
}
