import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateProject } from "@/lib/projects/update-project";
import { actorFor } from "@/test/actors";
import { deleteSetting } from "./delete-setting";
import { listSettings } from "./list-settings";
import { saveSetting } from "./save-setting";

const sales = { tenantSlug: "acme", projectSlug: "sales-analytics" };
const settings = async () =>
  listSettings({ projectId: (await db.project.findFirstOrThrow({ where: { slug: "sales-analytics" } })).id });
const valueOf = async (key: string) => (await settings()).find((s) => s.key === key)?.value;

describe("project settings", () => {
  it("lists the demo settings by key", async () => {
    const list = await settings();
    expect(list).toHaveLength(11);
    expect(list[0]).toEqual({ key: "agent.enabled", value: true });
    expect(await valueOf("features")).toEqual({ pockets: true, recipes: true });
  });

  it("adds any JSON value, edits and renames, deletes", async () => {
    const lead = await actorFor("lead@acme.test");
    for (const [key, text, value] of [
      ["region", '"eu-west-1"', "eu-west-1"],
      ["limits", '{ "rows": 10 }', { rows: 10 }],
      ["nothing", "null", null],
      ["tags", '["a", 2]', ["a", 2]],
    ] as const) {
      expect(await saveSetting({ actor: lead, ...sales, input: { key, value: text } })).toEqual({ key });
      expect(await valueOf(key)).toEqual(value);
    }
    await saveSetting({
      actor: lead,
      ...sales,
      settingKey: "region",
      input: { key: "aws.region", value: '"us-east-1"' },
    });
    expect(await valueOf("region")).toBeUndefined();
    expect(await valueOf("aws.region")).toBe("us-east-1");
    await expect(
      saveSetting({ actor: lead, ...sales, settingKey: "aws.region", input: { key: "currency", value: "1" } }),
    ).rejects.toMatchObject({ code: "NAME_TAKEN", details: [{ path: "key" }] });
    await expect(
      saveSetting({ actor: lead, ...sales, input: { key: "timezone", value: '"UTC"' } }),
    ).rejects.toMatchObject({ code: "NAME_TAKEN" });
    await deleteSetting({ actor: lead, ...sales, settingKey: "aws.region" });
    expect(await valueOf("aws.region")).toBeUndefined();
    await expect(deleteSetting({ actor: lead, ...sales, settingKey: "aws.region" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("validates keys and JSON values", async () => {
    const lead = await actorFor("lead@acme.test");
    const attempt = (key: string, value: string) => saveSetting({ actor: lead, ...sales, input: { key, value } });
    await expect(attempt("", "1")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: [{ path: "key", reason: "Enter a key." }],
    });
    await expect(attempt("k".repeat(201), "1")).rejects.toMatchObject({ details: [{ path: "key" }] });
    await expect(attempt("k", "Europe/Paris")).rejects.toMatchObject({
      details: [{ path: "value", reason: expect.stringContaining("Text needs double quotes") }],
    });
    await expect(attempt("k", "")).rejects.toMatchObject({ details: [{ path: "value" }] });
    await expect(attempt("k", '{ "constructor": 1 }')).rejects.toMatchObject({ details: [{ path: "value" }] });
    await expect(attempt("k", "[".repeat(40) + "]".repeat(40))).rejects.toMatchObject({
      details: [{ path: "value", reason: expect.stringContaining("Nested") }],
    });
  });

  it("refuses text PostgreSQL cannot store (U+0000, lone surrogates) as a validation error", async () => {
    const lead = await actorFor("lead@acme.test");
    const before = await settings();
    for (const [key, value, path] of [
      ["timezone", '"Europe\\u0000Paris"', "value"],
      ["timezone", '{ "zone": "\\udfff" }', "value"],
      ["time\udfffzone", '"UTC"', "key"],
    ] as const)
      await expect(
        saveSetting({ actor: lead, ...sales, input: { key, value } }),
        `${key} ${value}`,
      ).rejects.toMatchObject({ code: "INVALID_INPUT", details: [{ path }] });
    for (const displayName of ["Sales\u0000", "Sales \udfff"])
      await expect(
        updateProject({ actor: lead, ...sales, input: { displayName, active: true } }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT", details: [{ path: "displayName" }] });
    expect(await settings()).toEqual(before);
  });

  it("renames and deactivates the project for its admins", async () => {
    const lead = await actorFor("lead@acme.test");
    expect(
      await updateProject({ actor: lead, ...sales, input: { displayName: "Sales <b>2</b>", active: false } }),
    ).toEqual({ displayName: "Sales <b>2</b>", active: false });
    await expect(
      updateProject({ actor: lead, ...sales, input: { displayName: " ", active: true } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: [{ path: "displayName" }] });
    await expect(
      updateProject({
        actor: await actorFor("analyst@acme.test"),
        ...sales,
        input: { displayName: "Mine", active: true },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses viewers and other tenants", async () => {
    const analyst = await actorFor("analyst@acme.test");
    await expect(saveSetting({ actor: analyst, ...sales, input: { key: "x", value: "1" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(deleteSetting({ actor: analyst, ...sales, settingKey: "currency" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      deleteSetting({ actor: await actorFor("admin@globex.test"), ...sales, settingKey: "currency" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await valueOf("currency")).toBe("USD");
  });
});
