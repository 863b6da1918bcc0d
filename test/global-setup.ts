import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/database/apply-migrations";
import {
  ensureDatabase,
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from "@/lib/database/start-embedded-postgres";

// One PostgreSQL per test run (the embedded one, or DATABASE_URL's server), with two templates:
// `ferry_tpl_demo` (migrations + SPEC §9 demo data) and `ferry_tpl_empty` (migrations only).
// Each test file clones one in ~50 ms (test/setup-database.ts).

let server: EmbeddedPostgresHandle | undefined;

export async function setup(project: TestProject) {
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
