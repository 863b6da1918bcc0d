import { describe, expect, it } from "vitest";
import { copyOutBytes } from "@/lib/database/copy-out";
import { withPgTransaction } from "@/lib/database/pg-transaction";
import { db } from "@/lib/db";
import { settings } from "./settings";
import type { SectionTextContext } from "./contexts";

// The settings' export text, written from binary COPY, against the reference: `read`, then
// `canonical`, stringified where the section stands in the bundle.
async function bothWays(projectId: string) {
  return withPgTransaction(
    async (client) => {
      const rows = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
      const ctx: SectionTextContext = {
        rows,
        projectId,
        scope: "project",
        models: [],
        withSecrets: false,
        credentials: () => "stripped",
        copyOut: (sql) => copyOutBytes(client, sql),
      };
      const chunks: Uint8Array[] = [];
      await settings.exportText!(ctx, async (chunk) => void chunks.push(Buffer.from(chunk)));
      const reference = JSON.stringify(settings.canonical(await settings.read!(ctx)), null, 2).replaceAll("\n", "\n  ");
      return { text: Buffer.concat(chunks).toString("utf8"), reference, chunks: chunks.length };
    },
    { isolation: "REPEATABLE READ", readOnly: true },
  );
}

describe("settings export text", () => {
  it("writes the bytes the parsed, canonical settings stringify to, whatever the values and keys", async () => {
    const project = await db.project.findFirstOrThrow({ where: { slug: "sales-analytics" } });
    const values: [string, string][] = [
      ["numbers", "[1.50, 0.00000015, 100000000000000000000000, -0.0, 1e400]"],
      ["byIndex", '{"b": 1, "10": 2, "9": 3, "01": 4}'],
      ["proto", '{"__proto__": {"x": 1}, "a": "\\"__proto__\\""}'],
      ["text", '"quote \\" backslash \\\\ \\u0001 é 🚢"'],
      ["null", "null"],
      ["nested", '{"a": [], "b": {}, "c": [[{"d": [true, false]}]]}'],
      // Code-unit order puts "\u{1F6A2}" (a surrogate pair) before "\uFF01"; byte order does not.
      ["k-\u{1F6A2}", "1"],
      ["k-\uFF01", "2"],
      ["K", "3"],
      ["ü", "4"],
    ];
    for (const [key, value] of values)
      await db.$executeRawUnsafe(
        `INSERT INTO "ProjectSetting" ("projectId", key, value) VALUES ($1::uuid, $2, $3::jsonb)`,
        project.id,
        key,
        value,
      );
    const { text, reference } = await bothWays(project.id);
    expect(text).toBe(reference);
    expect(text).toContain('"key": "k-\u{1F6A2}"');
    expect(text.indexOf('"k-\u{1F6A2}"')).toBeLessThan(text.indexOf('"k-\uFF01"'));
    expect(text).not.toContain('"__proto__": {');
  });

  it("writes an empty section as [] and a large one in chunks", async () => {
    const empty = await db.project.create({
      data: { slug: "no-settings", displayName: "No settings", tenant: { connect: { slug: "acme" } } },
    });
    expect((await bothWays(empty.id)).text).toBe("[]");
    await db.$executeRawUnsafe(
      `INSERT INTO "ProjectSetting" ("projectId", key, value)
       SELECT $1::uuid, 'setting-' || i, jsonb_build_object('enabled', i % 2 = 0, 'threshold', i * 1.5, 'label', repeat('x', 50))
       FROM generate_series(1, 20000) i`,
      empty.id,
    );
    const { text, reference, chunks } = await bothWays(empty.id);
    expect(text).toBe(reference);
    expect(chunks).toBeGreaterThan(1);
  });
});
