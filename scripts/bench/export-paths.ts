// `npm run bench:export-paths`: the export's model entries written on the main thread and on the
// export's worker, side by side, next to the COPY floor. In process, no HTTP: each run reads every
// model of the generated project in one REPEATABLE READ transaction (snapshots as jsonb text) and
// turns each into its entry's bytes, (1) on the calling thread, (2) on the worker with a few models
// in flight, as the export does. COPY out, main thread, COPY out, worker… alternate run by run;
// ratios are taken within each pair and quoted as the median with min–max.
//   npm run bench:export-paths -- [--models 50] [--versions 25] [--snapshot-kb 20] [--pairs 7]
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { openCopyFloor } from "./copy-floor";
import { scratchDatabase } from "./scratch-database";
import { formatSpread, PROJECT_SHAPE_OPTIONS, spread } from "./stats";

const { values: args } = parseArgs({
  options: {
    ...PROJECT_SHAPE_OPTIONS,
    models: { type: "string", default: "50" },
    pairs: { type: "string", default: "7" },
  },
});
const shape = {
  models: Number(args.models),
  versions: Number(args.versions),
  snapshotKb: Number(args["snapshot-kb"]),
  connections: Number(args.connections),
  settings: Number(args.settings),
  accessBindings: Number(args.bindings),
};
const log = (line: string) => console.log(`[bench:export-paths] ${line}`);
/** Models on the worker at once, as lib/export/write-project-bundle.ts keeps them. */
const IN_FLIGHT = 4;

const scratch = await scratchDatabase();
process.env.DATABASE_URL = scratch.url;
process.env.FERRY_MASTER_KEY = randomBytes(32).toString("base64");
try {
  const { db } = await import("@/lib/db");
  const { seedDemoData } = await import("@/lib/demo/seed-demo-data");
  const { generateLargeProject } = await import("@/lib/demo/generate-large-project");
  const { withPgTransaction } = await import("@/lib/database/pg-transaction");
  const { listExportedModels, readModels } = await import("@/lib/bundle/sections/models");
  const { modelEntryFromWrapped } = await import("@/lib/bundle/canonical-json");
  const { wrappedEntryHere, wrappedEntryOnWorker, stopEntryWorker } = await import("@/lib/export/entry-worker");

  log(`generating ${shape.models} models × ${shape.versions} versions × ${shape.snapshotKb} KB…`);
  await seedDemoData(db);
  const { projectId } = await generateLargeProject({
    tenantSlug: "bench",
    projectSlug: "big",
    shape,
    adminEmail: "bench-admin@ferry.test",
  });
  const floor = await openCopyFloor(scratch.url, projectId);

  const entries = (onWorker: boolean) =>
    withPgTransaction(
      async (client) => {
        const rows = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
        const started = performance.now();
        const models = await listExportedModels({ rows, projectId }, null);
        const inFlight: Promise<Uint8Array>[] = [];
        let index = 0;
        let bytes = 0;
        for await (const model of readModels({ rows, projectId }, models, null, { snapshots: "text" })) {
          if (!onWorker) bytes += modelEntryFromWrapped(wrappedEntryHere(model), index++).length;
          else {
            inFlight.push(wrappedEntryOnWorker(model));
            if (inFlight.length >= IN_FLIGHT) bytes += modelEntryFromWrapped(await inFlight.shift()!, index++).length;
          }
        }
        while (inFlight.length > 0) bytes += modelEntryFromWrapped(await inFlight.shift()!, index++).length;
        return { seconds: (performance.now() - started) / 1000, bytes };
      },
      { isolation: "REPEATABLE READ", readOnly: true },
    );

  const pairs: { copyA: number; main: number; copyB: number; worker: number }[] = [];
  for (let i = 0; i < Number(args.pairs); i++) {
    const copyA = await floor.copyOut();
    const main = await entries(false);
    const copyB = await floor.copyOut();
    const worker = await entries(true);
    if (main.bytes !== worker.bytes) throw new Error(`The paths wrote ${main.bytes} and ${worker.bytes} bytes.`);
    pairs.push({ copyA, main: main.seconds, copyB, worker: worker.seconds });
    log(
      `pair ${i + 1}: COPY ${copyA.toFixed(2)} s, main thread ${main.seconds.toFixed(2)} s, COPY ${copyB.toFixed(2)} s, worker ${worker.seconds.toFixed(2)} s (${(main.bytes / 1e6).toFixed(1)} MB of entries)`,
    );
  }
  const stats = (values: number[]) => formatSpread(spread(values));
  log(`main thread / COPY out: ${stats(pairs.map((p) => p.main / p.copyA))}`);
  log(`worker / COPY out     : ${stats(pairs.map((p) => p.worker / p.copyB))}`);
  log(`worker / main thread  : ${stats(pairs.map((p) => p.worker / p.main))}`);
  await floor.close();
  await stopEntryWorker();
  await db.$disconnect();
} finally {
  const handles = globalThis as { ferryPgPool?: { end(): Promise<void> } };
  await handles.ferryPgPool?.end().catch(() => {});
  await scratch.stop();
}
