import pg from "pg";
import { expect, test } from "./fixtures";
import { postAction } from "./support/server-actions";
import { e2eDatabaseUrl } from "./support/servers";

// The server refuses what the UI hides: a viewer's session posts straight to server actions of
// acme/sales-analytics (the buttons are not shown to them) and gets FORBIDDEN, with nothing
// changed. The same requests succeed where the viewer does have the role, so the refusals are
// the server's decision, not malformed calls. (Every action × role: test/authorization.)

const SALES = { tenantSlug: "acme", projectSlug: "sales-analytics" };
const PAGE = "/t/acme/p/sales-analytics";

async function projectState(): Promise<string> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ state: string }>(`
      SELECT json_build_object(
        'settings', (SELECT json_agg(s.key || '=' || s.value::text ORDER BY s.key) FROM "ProjectSetting" s WHERE s."projectId" = p.id),
        'bindings', (SELECT json_agg(u.email || ':' || b.role || ':' || coalesce(b."modelId"::text, '-') ORDER BY u.email, b.role) FROM "AccessBinding" b JOIN "User" u ON u.id = b."userId" WHERE b."projectId" = p.id),
        'project', p."displayName" || ':' || p.active,
        'deployed', (SELECT json_agg(m.slug || ':' || coalesce(m."deployedVersion"::text, '-') ORDER BY m.slug) FROM "Model" m WHERE m."projectId" = p.id),
        'recipes', (SELECT count(*) FROM "Recipe" r WHERE r."projectId" = p.id),
        'projects', (SELECT count(*) FROM "Project")
      )::text AS state
      FROM "Project" p JOIN "Tenant" t ON t.id = p."tenantId" WHERE t.slug = 'acme' AND p.slug = 'sales-analytics'`);
    return rows[0]!.state;
  } finally {
    await client.end();
  }
}

test.describe("server actions", () => {
  test("refuse a viewer's direct calls and change nothing", async ({ page, loginAs }) => {
    await loginAs("analyst@acme.test");
    const before = await projectState();
    const attempts: [string, string, unknown[], string][] = [
      [`${PAGE}/settings`, "saveSettingAction", [SALES, null, { key: "owned", value: "true" }], "FORBIDDEN"],
      [`${PAGE}/settings`, "deleteSettingAction", [SALES, "timezone"], "FORBIDDEN"],
      [`${PAGE}/settings`, "updateProjectAction", [SALES, { displayName: "Mine now", active: false }], "FORBIDDEN"],
      [
        `${PAGE}/access`,
        "grantAccessAction",
        [SALES, { email: "analyst@acme.test", role: "ADMIN", modelSlug: "" }],
        "FORBIDDEN",
      ],
      [
        `${PAGE}/recipes`,
        "saveRecipeAction",
        [
          SALES,
          null,
          {
            slug: "sneaky",
            name: "Sneaky",
            definition: '{"models":["orders"],"steps":[{"measure":"orders.revenue"}]}',
          },
        ],
        "FORBIDDEN",
      ],
      [`${PAGE}/m/orders`, "deployModelVersionAction", [{ ...SALES, modelSlug: "orders" }, 1], "FORBIDDEN"],
      [PAGE, "prepareExportAction", [SALES, {}], "FORBIDDEN"],
      ["/t/acme", "createProjectAction", ["acme", { slug: "sneaky", displayName: "Sneaky" }], "FORBIDDEN"],
      // Another tenant's project is not even there for them.
      [
        "/t/globex/p/finance/settings",
        "saveSettingAction",
        [{ tenantSlug: "globex", projectSlug: "finance" }, null, { key: "owned", value: "true" }],
        "NOT_FOUND",
      ],
    ];
    for (const [url, action, args, code] of attempts) {
      const answer = await postAction(page.request, { url, action, args });
      expect(answer.response.status(), action).toBe(200);
      expect(answer.result, `${action}: ${answer.text.slice(0, 300)}`).toMatchObject({ ok: false, error: { code } });
    }
    expect(await projectState()).toBe(before);

    // The same route, with a call the viewer may make: the model they edit.
    const allowed = await postAction(page.request, {
      url: `${PAGE}/m/web-sessions`,
      action: "refreshAction",
      args: [{ ...SALES, modelSlug: "web-sessions" }],
    });
    expect(allowed.result).toMatchObject({ ok: true });
  });

  test("refuse callers without a session", async ({ request }) => {
    const answer = await postAction(request, {
      url: `${PAGE}/settings`,
      action: "saveSettingAction",
      args: [SALES, null, { key: "anonymous", value: "1" }],
    });
    expect(answer.result).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });
});
