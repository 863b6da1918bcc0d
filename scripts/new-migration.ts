// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the committed schema (git HEAD) and the working schema.
// The Prisma CLI needs a reachable PostgreSQL even for a diff: the embedded one (or DATABASE_URL).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareRuntime } from "@/lib/database/prepare-runtime";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <name_in_snake_case>");
  process.exit(2);
}
const runtime = await prepareRuntime({ migrate: false });
const previous = path.join(os.tmpdir(), `ferry-schema-${process.pid}.prisma`);
fs.writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" }));
const result = spawnSync(
  "node_modules/.bin/prisma",
  ["migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  {
    encoding: "utf8",
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: "1",
      NODE_OPTIONS: `--require ${path.resolve("scripts/unref-timers.cjs")}`,
    },
  },
);
fs.rmSync(previous, { force: true });
await runtime.stop();
if (result.status !== 0) {
  console.error(result.stderr);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), result.stdout);
console.log(`Wrote ${dir}/migration.sql — review it, then commit it with the schema.`);
