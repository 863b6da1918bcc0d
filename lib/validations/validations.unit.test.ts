import { describe, expect, it } from "vitest";
import { connectionFormDefaults, connectionInputSchema } from "./connection";
import { describeConnectionConfig } from "./connection-fields";
import { parseJsonText } from "./json";
import { parseRecipeDefinition } from "./recipe";
import { httpUrlProblem } from "./url";

describe("form JSON", () => {
  it("parses JSON and refuses prototype keys and deep nesting", () => {
    expect(parseJsonText('{ "a": [1, true, null] }')).toEqual({ ok: true, value: { a: [1, true, null] } });
    expect(parseJsonText("{ nope")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Not valid JSON: .*\.$/),
    });
    expect(parseJsonText('{ "a": { "__proto__": {} } }')).toEqual({
      ok: false,
      reason: 'The key "__proto__" is not allowed.',
    });
    expect(parseJsonText("[".repeat(33) + "]".repeat(33))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("Nested"),
    });
    expect(parseJsonText("[".repeat(32) + "]".repeat(32))).toMatchObject({ ok: true });
  });
});

describe("URLs", () => {
  it("accepts http(s) URLs without credentials", () => {
    expect(httpUrlProblem("https://hooks.example.com/a?b=1")).toBeNull();
    expect(httpUrlProblem("http://localhost:11434")).toBeNull();
    expect(httpUrlProblem("hooks.example.com")).toMatch(/full URL/);
    expect(httpUrlProblem("file:///etc/passwd")).toMatch(/http/);
    expect(httpUrlProblem("https://user:pw@example.com")).toMatch(/credentials/);
  });
});

describe("connection form", () => {
  it("turns form text into the stored config and secret, and back", () => {
    const stored = { host: "db.acme.internal", port: 5432, database: "analytics", sslmode: "require" };
    const form = connectionFormDefaults({ name: "pg", type: "postgres", config: stored });
    expect(form.config).toEqual({ host: "db.acme.internal", port: "5432", database: "analytics", user: "" });
    expect(JSON.parse(form.options)).toEqual({ sslmode: "require" });
    expect(connectionInputSchema.parse({ ...form, secret: " pass with spaces " })).toEqual({
      name: "pg",
      type: "postgres",
      config: stored,
      secret: { password: " pass with spaces " },
      clearSecret: false,
    });
    expect(connectionInputSchema.parse(form).secret).toBeNull();
    expect(describeConnectionConfig("postgres", stored)).toBe("db.acme.internal:5432/analytics");
  });

  it("accepts IPv4 and IPv6 hosts and starts new forms with the type's port", () => {
    const base = { ...connectionFormDefaults(), name: "x", config: { host: "10.0.0.5", port: "5432", database: "d" } };
    expect(connectionInputSchema.safeParse(base).success).toBe(true);
    expect(connectionInputSchema.safeParse({ ...base, config: { ...base.config, host: "fe80::1" } }).success).toBe(
      true,
    );
    expect(
      connectionInputSchema.safeParse({ ...base, config: { ...base.config, host: "db.example.com:5432" } }).success,
    ).toBe(false);
    expect(connectionFormDefaults().config.port).toBe("5432");
  });
});

describe("recipe definitions", () => {
  it("keeps extra keys and steps without a measure", () => {
    const definition = {
      models: ["orders"],
      steps: [{ measure: "orders.revenue" }, { groupBy: "orders.channel" }],
      note: "kept",
    };
    expect(parseRecipeDefinition(JSON.stringify(definition))).toEqual(definition);
    expect(parseRecipeDefinition('{ "models": ["orders"], "steps": [] }')).toBe("steps lists at least one step.");
  });
});
