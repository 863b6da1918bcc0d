import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

// The floor: the same rows the export reads and the import writes, moved by PostgreSQL's COPY.

const PROJECT_ROWS: [string, string][] = [
  ["Model", `SELECT * FROM "Model" WHERE "projectId" = '$P'`],
  ["ModelVersion", `SELECT v.* FROM "ModelVersion" v JOIN "Model" m ON m.id = v."modelId" WHERE m."projectId" = '$P'`],
  ["Aggregate", `SELECT a.* FROM "Aggregate" a JOIN "Model" m ON m.id = a."modelId" WHERE m."projectId" = '$P'`],
  ["PocketTable", `SELECT p.* FROM "PocketTable" p JOIN "Model" m ON m.id = p."modelId" WHERE m."projectId" = '$P'`],
  [
    "Connection",
    `SELECT c.* FROM "Connection" c JOIN "ProjectConnection" pc ON pc."connectionId" = c.id WHERE pc."projectId" = '$P'`,
  ],
  ["LlmConfig", `SELECT * FROM "LlmConfig" WHERE "projectId" = '$P'`],
  ["AgentConfig", `SELECT * FROM "AgentConfig" WHERE "projectId" = '$P'`],
  ["Recipe", `SELECT * FROM "Recipe" WHERE "projectId" = '$P'`],
  ["ProjectSetting", `SELECT * FROM "ProjectSetting" WHERE "projectId" = '$P'`],
  ["AccessBinding", `SELECT * FROM "AccessBinding" WHERE "projectId" = '$P'`],
];

export interface CopyFloor {
  outSeconds: number;
  inSeconds: number;
  bytes: number;
}

export async function measureCopyFloor(databaseUrl: string, projectId: string, runs: number): Promise<CopyFloor> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const outs: number[] = [];
  const ins: number[] = [];
  let bytes = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const data = new Map<string, Buffer>();
      let started = performance.now();
      bytes = 0;
      for (const [table, sql] of PROJECT_ROWS) {
        const chunks: Buffer[] = [];
        await pipeline(
          client.query(copyTo(`COPY (${sql.replace("$P", projectId)}) TO STDOUT`)),
          new Writable({
            write(chunk: Buffer, _encoding, callback) {
              chunks.push(chunk);
              bytes += chunk.length;
              callback();
            },
          }),
        );
        data.set(table, Buffer.concat(chunks));
      }
      outs.push((performance.now() - started) / 1000);

      // Into empty copies of the tables (same columns, indexes and constraints but foreign keys), in one transaction.
      await client.query("BEGIN");
      for (const [table] of PROJECT_ROWS)
        await client.query(`CREATE TEMP TABLE "floor_${table}" (LIKE "${table}" INCLUDING ALL) ON COMMIT DROP`);
      started = performance.now();
      for (const [table] of PROJECT_ROWS)
        await pipeline(Readable.from([data.get(table)!]), client.query(copyFrom(`COPY "floor_${table}" FROM STDIN`)));
      ins.push((performance.now() - started) / 1000);
      await client.query("ROLLBACK");
    }
  } finally {
    await client.end();
  }
  return { outSeconds: median(outs), inSeconds: median(ins), bytes };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
