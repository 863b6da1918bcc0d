// `npm run bench:plan`: how long planning an import takes next to the import itself (SPEC §11:
// "computed in well under the import's own time"), on the SPEC §7 workload. In process, no HTTP:
// the project is exported once, then, pair by pair, (1) the plan of a replace of the project by
// its own bundle with one setting edited (a dry run: the target read, the comparison, the token),
// (2) the same plan in merge mode, (3) the snapshot an import takes first (SPEC §12: the project's
// full bundle, gzip, in its own transaction), and (4) the replace import itself (which includes
// its snapshot). Ratios are taken per pair, medians quoted with min–max.
//   npm run bench:plan -- [--models 200] [--versions 25] [--snapshot-kb 20] [--pairs 5]
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { scratchDatabase } from "./scratch-database";
import { formatSpread, PROJECT_SHAPE_OPTIONS, projectShape, spread } from "./stats";
import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";

const { values: args } = parseArgs({
  options: PROJECT_SHAPE_OPTIONS,
});
const shape = projectShape(args);
const log = (line: string) => console.log(`[bench:plan] ${line}`);

const scratch = await scratchDatabase();
process.env.DATABASE_URL = scratch.url;
process.env.FERRY_MASTER_KEY = randomBytes(32).toString("base64");
try {
  const { db } = await import("@/lib/db");
  const { seedDemoData } = await import("@/lib/demo/seed-demo-data");
  const { generateLargeProject } = await import("@/lib/demo/generate-large-project");
  const { prepareExport, readAll } = await import("@/lib/export/export-project");
  const { loadActorByEmail } = await import("@/lib/auth/actor");
  const { importProject } = await import("@/lib/import/import-project");
  const { parseBundleBytes } = await import("@/lib/bundle/parse-bundle");
  const { serializeBundle } = await import("@/lib/bundle/canonical-json");
  const { parseImportOptions } = await import("@/lib/import/import-options");
  const { withPgTransaction } = await import("@/lib/database/pg-transaction");
  const { takeSnapshot } = await import("@/lib/history/snapshots");

  log(`generating ${shape.models} models × ${shape.versions} versions × ${shape.snapshotKb} KB…`);
  await seedDemoData(db);
  const adminEmail = "bench-admin@ferry.test";
  await generateLargeProject({ tenantSlug: "bench", projectSlug: "big", shape, adminEmail });
  const actor = (await loadActorByEmail(adminEmail, "token"))!;
  const prepared = await prepareExport({
    actor,
    tenantSlug: "bench",
    projectSlug: "big",
    options: { stable: true, sections: OPTIONAL_SECTIONS },
  });
  const text = await readAll(prepared.open());
  const exported = parseBundleBytes(new TextEncoder().encode(text), Number.MAX_SAFE_INTEGER);
  // One setting edited, so the plan has an update to show (and merge something to write).
  const edited = serializeBundle({
    ...exported,
    settings: (exported.settings ?? []).map((s, i) => (i === 0 ? { ...s, value: "edited" } : s)),
  });
  const bytes = new TextEncoder().encode(edited);
  log(`bundle: ${(bytes.byteLength / 1e6).toFixed(1)} MB`);
  const connectionMapping = Object.fromEntries(
    (exported.connections ?? []).map((c) => [c.name, { action: "map", target: c.name }]),
  );
  const run = async (mode: string, dryRun: boolean) => {
    const bundle = parseBundleBytes(bytes, Number.MAX_SAFE_INTEGER);
    const options = parseImportOptions({ mode, tenant: "bench", projectSlug: "big", connectionMapping, dryRun });
    const t0 = performance.now();
    const result = await importProject({ actor, bundle, options });
    return { seconds: (performance.now() - t0) / 1000, result };
  };

  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "bench" } });
  const project = await db.project.findFirstOrThrow({ where: { tenantId: tenant.id, slug: "big" } });
  const snapshot = async () => {
    const t0 = performance.now();
    const taken = await withPgTransaction((client) =>
      takeSnapshot({
        client,
        tenantId: tenant.id,
        tenantSlug: tenant.slug,
        projectId: project.id,
        wrappedDataKey: tenant.wrappedDataKey,
        actorEmail: adminEmail,
        reason: "project.import",
        mode: "replace",
      }),
    );
    return { seconds: (performance.now() - t0) / 1000, taken };
  };

  const rows: { plan: number; merge: number; snapshot: number; apply: number }[] = [];
  for (let i = 0; i < Number(args.pairs); i++) {
    const plan = await run("replace", true);
    const merge = await run("merge", true);
    const snap = await snapshot();
    const apply = await run("replace", false);
    rows.push({ plan: plan.seconds, merge: merge.seconds, snapshot: snap.seconds, apply: apply.seconds });
    if (i === 0)
      log(
        `snapshot: ${(snap.taken.bytes / 1e6).toFixed(1)} MB bundle → ${(snap.taken.compressedBytes / 1e6).toFixed(1)} MB stored (gzip level 1)`,
      );
    const counts = plan.result.plan.sections.map((s) => `${s.key} ${JSON.stringify(s.counts)}`).join("; ");
    log(
      `pair ${i + 1}: replace plan ${plan.seconds.toFixed(2)} s, merge plan ${merge.seconds.toFixed(2)} s, snapshot ${snap.seconds.toFixed(2)} s, replace import ${apply.seconds.toFixed(2)} s${i === 0 ? ` — ${counts}` : ""}`,
    );
  }
  const stats = (values: number[]) => formatSpread(spread(values));
  log(`replace plan   s: ${stats(rows.map((r) => r.plan))}`);
  log(`merge plan     s: ${stats(rows.map((r) => r.merge))}`);
  log(`snapshot       s: ${stats(rows.map((r) => r.snapshot))}`);
  log(`replace import s: ${stats(rows.map((r) => r.apply))} (its snapshot included)`);
  log(`snapshot / import: ${stats(rows.map((r) => r.snapshot / r.apply))} (pair by pair)`);
  log(`plan / import   : ${stats(rows.map((r) => r.plan / r.apply))} (pair by pair)`);
  await db.$disconnect();
} finally {
  const handles = globalThis as { ferryPgPool?: { end(): Promise<void> } };
  await handles.ferryPgPool?.end().catch(() => {});
  await scratch.stop();
}
