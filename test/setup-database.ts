import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

// Runs before each test file's imports: points DATABASE_URL at a fresh clone of the demo
// template, so every file owns its database and files run in parallel safely.

const { adminUrl, masterKey, demoTemplate } = inject("testDatabase");
const name = `t_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${demoTemplate}`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.FERRY_MASTER_KEY = masterKey;
process.env.FERRY_TEST_ADMIN_URL = adminUrl;

afterAll(async () => {
  const handles = globalThis as { ferryDb?: { $disconnect(): Promise<void> }; ferryPgPool?: { end(): Promise<void> } };
  await handles.ferryDb?.$disconnect();
  await handles.ferryPgPool?.end();
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await cleanup.end();
});
