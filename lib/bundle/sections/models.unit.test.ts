import { describe, expect, it } from "vitest";
import { binaryCopy, int4, jsonbBytes, uuidBytes } from "@/test/binary-copy";
import { readModels, type ExportedModelRow } from "./models";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const model = (id: string, slug: string): ExportedModelRow => ({
  id,
  slug,
  name: slug,
  deployedVersion: null,
  draft: { sourceTable: "t", dimensions: [], measures: [], joins: [] },
  connectionId: null,
  connection: null,
});
const version = (modelId: string, number: number) => ({
  modelId,
  number,
  message: `v${number}`,
  authorEmail: "a@b.test",
  createdAt: "2026-01-01T00:00:00.000Z",
});

// The versions' fields as the metadata query answers, and the snapshots as the COPY answers (in
// its own statement: under READ COMMITTED it may see a version saved in between).
function reader(versions: ReturnType<typeof version>[], copied: [string, number, string][]) {
  const ctx = {
    projectId: "p",
    rows: async <T>(sql: string) => (sql.includes('"ModelVersion"') ? versions : []) as T[],
  };
  const snapshots = {
    copyOut: async (sql: string) => {
      expect(sql).toMatch(/^COPY \(SELECT "modelId", number, snapshot FROM "ModelVersion"/);
      return binaryCopy(copied.map(([id, n, text]) => [uuidBytes(id), int4(n), jsonbBytes(text)]));
    },
  };
  return { ctx, snapshots };
}

async function read(versions: ReturnType<typeof version>[], copied: [string, number, string][]) {
  const { ctx, snapshots } = reader(versions, copied);
  const out: Record<string, string[]> = {};
  for await (const { model: m, snapshotTexts } of readModels(ctx, [model(A, "a"), model(B, "b")], null, snapshots))
    out[m.slug] = snapshotTexts!.map((t) => t.toString("utf8"));
  return out;
}

describe("reading models with their snapshots' jsonb text", () => {
  it("pairs each version with its snapshot, the version byte taken off", async () => {
    expect(
      await read(
        [version(A, 1), version(A, 2), version(B, 1)],
        [
          [A, 1, '{"n": 1}'],
          [A, 2, '{"n": 2}'],
          [B, 1, '{"m": 1}'],
        ],
      ),
    ).toEqual({ a: ['{"n": 1}', '{"n": 2}'], b: ['{"m": 1}'] });
  });

  it("passes over a version saved between the two statements", async () => {
    expect(
      await read(
        [version(A, 1), version(B, 1)],
        [
          [A, 1, '{"n": 1}'],
          [A, 2, '{"new": true}'],
          [B, 1, '{"m": 1}'],
        ],
      ),
    ).toEqual({ a: ['{"n": 1}'], b: ['{"m": 1}'] });
  });

  it("never gives a version another's snapshot: a version gone from the second statement stops the read", async () => {
    // A's version 1 deleted and B's saved in between: numbers alone would line up.
    await expect(
      read(
        [version(A, 1), version(B, 2)],
        [
          [B, 1, '{"m": 1}'],
          [B, 2, '{"m": 2}'],
        ],
      ),
    ).rejects.toThrow(/changed while they were read/);
  });

  it("reads without snapshots for an import's plan", async () => {
    const { ctx } = reader([version(A, 1)], []);
    const read = [];
    for await (const entry of readModels(ctx, [model(A, "a")], null, null)) read.push(entry);
    expect(read[0]!.snapshotTexts).toBeNull();
    expect(read[0]!.model.versions.map((v) => v.number)).toEqual([1]);
  });
});
