import fs from "node:fs";
import pg from "pg";
import { to as copyTo, from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Writable, Readable } from "node:stream";
const creds = JSON.parse(fs.readFileSync(".data/bench/postgres.credentials.json", "utf8"));
const { startEmbeddedPostgres } = await import("@/lib/database/start-embedded-postgres");
const server = await startEmbeddedPostgres({ dataDir: ".data/bench/postgres", port: 54359 });
const client = new pg.Client({ connectionString: `postgresql://postgres:${creds.password}@127.0.0.1:54359/ferry_bench` });
await client.connect();
const pid = (await client.query(`SELECT id FROM "Project" WHERE slug='big'`)).rows[0].id;
const tables: [string, string][] = [
  ["Model", `SELECT * FROM "Model" WHERE "projectId"='${pid}'`],
  ["ModelVersion", `SELECT v.* FROM "ModelVersion" v JOIN "Model" m ON m.id=v."modelId" WHERE m."projectId"='${pid}'`],
  ["Aggregate", `SELECT a.* FROM "Aggregate" a JOIN "Model" m ON m.id=a."modelId" WHERE m."projectId"='${pid}'`],
  ["PocketTable", `SELECT a.* FROM "PocketTable" a JOIN "Model" m ON m.id=a."modelId" WHERE m."projectId"='${pid}'`],
  ["Connection", `SELECT c.* FROM "Connection" c JOIN "ProjectConnection" pc ON pc."connectionId"=c.id WHERE pc."projectId"='${pid}'`],
  ["ProjectSetting", `SELECT * FROM "ProjectSetting" WHERE "projectId"='${pid}'`],
  ["AccessBinding", `SELECT * FROM "AccessBinding" WHERE "projectId"='${pid}'`],
];
for (let run = 0; run < 2; run++) {
  const data: Record<string, Buffer> = {};
  let t0 = performance.now(); let bytes = 0;
  for (const [name, sql] of tables) {
    const chunks: Buffer[] = [];
    await pipeline(client.query(copyTo(`COPY (${sql}) TO STDOUT`)), new Writable({ write(c, _e, cb) { chunks.push(c); bytes += c.length; cb(); } }));
    data[name] = Buffer.concat(chunks);
  }
  console.log(`COPY out: ${((performance.now()-t0)/1000).toFixed(2)} s, ${(bytes/1048576).toFixed(1)} MB`);
  await client.query("BEGIN");
  for (const [name] of tables) await client.query(`CREATE TEMP TABLE "copy_${name}" (LIKE "${name}" INCLUDING ALL) ON COMMIT DROP`);
  t0 = performance.now();
  for (const [name] of tables) await pipeline(Readable.from([data[name]!]), client.query(copyFrom(`COPY "copy_${name}" FROM STDIN`)));
  console.log(`COPY in: ${((performance.now()-t0)/1000).toFixed(2)} s`);
  await client.query("ROLLBACK");
}
await client.end(); await server.stop();
