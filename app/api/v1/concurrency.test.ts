import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bundleForm } from "@/test/bundle-form";
import { largeProjectBundle } from "@/test/large-bundle";
import { demoToken } from "@/test/tokens";
import { POST as exportProject } from "./projects/[projectSlug]/export/route";
import { POST as importProject } from "./projects/import/route";

// Concurrency through the API routes: parallel creates of one slug, and exports racing replace
// imports of the same project. Exports read in one REPEATABLE READ transaction, so each one must
// be exactly the project before or after a replace — never a mix.

let token = "";
const SLUG = "racing";
// Two versions of one project that differ in every model (names, snapshots, history length).
const STATE_A = largeProjectBundle({
  slug: SLUG,
  models: 40,
  versionsPerModel: 4,
  snapshotBytes: 30_000,
  label: "Alpha",
});
const STATE_B = largeProjectBundle({
  slug: SLUG,
  models: 40,
  versionsPerModel: 5,
  snapshotBytes: 30_000,
  label: "Beta",
});

beforeAll(async () => {
  token = await demoToken("admin@acme.test");
});

async function importBundle(bundle: string, options: Record<string, unknown>) {
  const body = bundleForm(bundle, { tenant: "acme", ...options });
  const response = await importProject(
    new Request("http://ferry.test/api/v1/projects/import", {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body,
    }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

function startExport(): Promise<Response> {
  return exportProject(
    new Request(`http://ferry.test/api/v1/projects/${SLUG}/export?tenant=acme`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ stable: true, sections: ["settings"] }),
    }),
    { params: Promise.resolve({ projectSlug: SLUG }) },
  );
}

async function readRest(reader: ReadableStreamDefaultReader<Uint8Array>, first: Uint8Array[] = []): Promise<string> {
  const chunks = [...first];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function exportText(): Promise<string> {
  const response = await startExport();
  expect(response.status).toBe(200);
  return readRest(response.body!.getReader());
}

/** Client transactions of this test's database that are open but waiting (the paused export). */
async function openTransactions(): Promise<number> {
  const rows = await db.$queryRaw<
    { n: bigint }[]
  >`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`;
  return Number(rows[0]!.n);
}

describe("concurrency through the API", () => {
  it("lets exactly one of ten parallel creates of one slug succeed; the others get SLUG_TAKEN", async () => {
    const bundle = largeProjectBundle({
      slug: "same-slug",
      models: 3,
      versionsPerModel: 2,
      snapshotBytes: 2_000,
      label: "Parallel",
    });
    const answers = await Promise.all(Array.from({ length: 10 }, () => importBundle(bundle, { mode: "create" })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error?.code === "SLUG_TAKEN")).toBe(true);
    expect(await db.project.count({ where: { slug: "same-slug" } })).toBe(1);
    expect(await db.model.count({ where: { project: { slug: "same-slug" } } })).toBe(3);
  });

  it("streams the state an export started in, even when a replace commits while it is half-read", async () => {
    expect((await importBundle(STATE_A, { mode: "create" })).status).toBe(200);
    const exportA = await exportText();
    expect((await importBundle(STATE_B, { mode: "replace", projectSlug: SLUG })).status).toBe(200);
    const exportB = await exportText();
    expect(exportA).not.toBe(exportB);
    expect(exportA.length).toBeGreaterThan(4 * 1024 * 1024); // far more than the stream buffers hold

    // Start exporting B, read one chunk and stop: backpressure holds the export's transaction open.
    const response = await startExport();
    const reader = response.body!.getReader();
    const first = await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await openTransactions()).toBeGreaterThanOrEqual(1);
    // A replace with A commits meanwhile (row locks only: the read-only export does not block it)…
    expect((await importBundle(STATE_A, { mode: "replace", projectSlug: SLUG })).status).toBe(200);
    expect(await openTransactions()).toBeGreaterThanOrEqual(1);
    // …and the rest of the export is still B, byte for byte.
    expect(await readRest(reader, [first.value!])).toBe(exportB);
    expect(await exportText()).toBe(exportA);
  });

  it("answers either the complete old or the complete new project to exports racing replaces", async () => {
    const known = new Map<string, string>([
      [await exportText(), "A"], // the previous test left state A
    ]);
    const started = Date.now();
    expect((await importBundle(STATE_B, { mode: "replace", projectSlug: SLUG })).status).toBe(200);
    const replaceMs = Date.now() - started;
    known.set(await exportText(), "B");
    expect(known.size).toBe(2);

    const rounds: string[][] = [];
    for (let round = 0; round < 4; round++) {
      const replace = importBundle(round % 2 === 0 ? STATE_A : STATE_B, { mode: "replace", projectSlug: SLUG });
      // Exports spread over the replace (up to four times as long as the last one took alone: the
      // exports share this process's CPU with it, and the replace snapshots the project first):
      // before it writes, while it writes and commits, after.
      const exports = [0, 0.25, 0.5, 1, 1.5, 2, 3, 4].map(
        (share) =>
          new Promise<string>((resolve, reject) =>
            setTimeout(() => exportText().then(resolve, reject), share * replaceMs),
          ),
      );
      expect((await replace).status).toBe(200);
      const states = (await Promise.all(exports)).map((text) => known.get(text) ?? "a mix");
      expect(states, `round ${round}`).not.toContain("a mix");
      rounds.push(states);
    }
    // Some round saw the old state and then the new one: the exports really raced the replaces.
    expect(
      rounds.some((states) => new Set(states).size === 2),
      JSON.stringify(rounds),
    ).toBe(true);
  });
});
