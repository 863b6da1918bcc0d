import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

// The floor: the same rows the export reads and the import writes, moved by PostgreSQL's COPY.
// One run at a time, so the benchmark can alternate it with the product's runs.

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
  /** Bytes of rows as COPY moves them (set by the first copyOut). */
  bytes(): number;
  /** One COPY out of the project's rows; seconds. */
  copyOut(): Promise<number>;
  /** One COPY in of the last copied-out rows into empty copies of the tables; seconds. */
  copyIn(): Promise<number>;
  close(): Promise<void>;
}

export async function openCopyFloor(databaseUrl: string, projectId: string): Promise<CopyFloor> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let data: Map<string, Buffer> | null = null;
  let bytes = 0;
  const copyOut = async (): Promise<number> => {
    const out = new Map<string, Buffer>();
    let total = 0;
    const started = performance.now();
    for (const [table, sql] of PROJECT_ROWS) {
      const chunks: Buffer[] = [];
      await pipeline(
        client.query(copyTo(`COPY (${sql.replace("$P", projectId)}) TO STDOUT`)),
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            chunks.push(chunk);
            total += chunk.length;
            callback();
          },
        }),
      );
      out.set(table, Buffer.concat(chunks));
    }
    const seconds = (performance.now() - started) / 1000;
    data = out;
    bytes = total;
    return seconds;
  };
  const copyIn = async (): Promise<number> => {
    if (!data) await copyOut();
    // Into empty copies of the tables (same columns, indexes and constraints but foreign keys), in one transaction.
    await client.query("BEGIN");
    try {
      for (const [table] of PROJECT_ROWS)
        await client.query(`CREATE TEMP TABLE "floor_${table}" (LIKE "${table}" INCLUDING ALL) ON COMMIT DROP`);
      const started = performance.now();
      for (const [table] of PROJECT_ROWS)
        await pipeline(Readable.from([data!.get(table)!]), client.query(copyFrom(`COPY "floor_${table}" FROM STDIN`)));
      return (performance.now() - started) / 1000;
    } finally {
      await client.query("ROLLBACK");
    }
  };
  return { bytes: () => bytes, copyOut, copyIn, close: () => client.end() };
}
