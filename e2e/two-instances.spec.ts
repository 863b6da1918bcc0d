import pg from "pg";
import { bundleForm } from "@/test/bundle-form";
import { largeProjectBundle } from "@/test/large-bundle";
import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { postAction } from "./support/server-actions";
import { e2eDatabaseUrl, e2eMasterKey, SECOND_INSTANCE_PORT, startFerry, type FerryServer } from "./support/servers";

// Two real `next start` processes on one PostgreSQL behave as one: sessions, download tickets,
// failure limits and the one-winner rule for a slug live in the database, not in a process.

const SLUG = "e2e-two-instances";
let second: FerryServer;
let first = "";

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(180_000);
  first = baseURL!;
  second = await startFerry({
    name: "second-instance",
    port: SECOND_INSTANCE_PORT,
    env: { DATABASE_URL: e2eDatabaseUrl(), FERRY_MASTER_KEY: e2eMasterKey() },
  });
});

test.afterAll(async () => {
  await second?.stop();
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  await client.query(`DELETE FROM "Project" WHERE slug = $1`, [SLUG]);
  await client.end();
});

async function signIn(
  request: import("@playwright/test").APIRequestContext,
  server: string,
  email: string,
  password: string,
  ip: string,
) {
  return postAction(request, {
    url: `${server}/login`,
    action: "signInAction",
    args: [{ email, password }],
    headers: { "x-forwarded-for": ip },
  });
}

test.describe("two app instances on one database", () => {
  test("share sessions and download tickets", async ({ request }) => {
    const signedIn = await signIn(request, first, "lead@acme.test", DEMO_PASSWORD, "203.0.113.50");
    const cookie = signedIn.response.headers()["set-cookie"]!.split(";")[0]!;
    const onSecond = await fetch(`${second.url}/api/v1/projects`, { headers: { cookie } });
    expect(onSecond.status).toBe(200);
    const onFirst = await fetch(`${first}/api/v1/projects`, { headers: { cookie } });
    expect(await onSecond.json()).toEqual(await onFirst.json());

    const prepared = await postAction(request, {
      url: `${first}/t/acme/p/sales-analytics`,
      action: "prepareExportAction",
      args: [{ tenantSlug: "acme", projectSlug: "sales-analytics" }, {}],
      headers: { cookie },
    });
    const { url } = prepared.result!.data as { url: string };
    const download = await fetch(`${second.url}${url}`, { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(((await download.json()) as { format: string }).format).toBe("ferry.project");
    // One-time, whichever instance redeemed it.
    expect((await fetch(`${first}${url}`, { headers: { cookie } })).status).toBe(404);
  });

  test("let exactly one of ten parallel creates of one slug win, split across both", async ({ request }) => {
    const signedIn = await signIn(request, first, "admin@acme.test", DEMO_PASSWORD, "203.0.113.51");
    const cookie = signedIn.response.headers()["set-cookie"]!.split(";")[0]!;
    const bundle = largeProjectBundle({
      slug: SLUG,
      models: 4,
      versionsPerModel: 3,
      snapshotBytes: 4_000,
      label: "Twin",
    });
    const create = (server: string) =>
      fetch(`${server}/api/v1/projects/import`, {
        method: "POST",
        headers: { cookie },
        body: bundleForm(bundle, { mode: "create", tenant: "acme" }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: { code: string } } }));
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => create(i % 2 === 0 ? first : second.url)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error?.code)).toEqual(Array(9).fill("SLUG_TAKEN"));
    const detail = await fetch(`${second.url}/api/v1/projects/${SLUG}?tenant=acme`, { headers: { cookie } });
    expect(((await detail.json()) as { models: unknown[] }).models).toHaveLength(4);
  });

  test("count sign-in failures together: the 11th, on either instance, is rate limited", async ({ request }) => {
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 50));
    const ip = "203.0.113.52";
    for (let attempt = 0; attempt < 10; attempt++) {
      const answer = await signIn(
        request,
        attempt % 2 === 0 ? first : second.url,
        "analyst@acme.test",
        `wrong ${attempt}`,
        ip,
      );
      expect(answer.result, `attempt ${attempt + 1}`).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    }
    for (const server of [first, second.url]) {
      const answer = await signIn(request, server, "analyst@acme.test", DEMO_PASSWORD, ip);
      expect(answer.result).toEqual({
        ok: false,
        error: { code: "RATE_LIMITED", message: "Too many failed sign-in attempts. Wait a minute and try again." },
      });
    }
  });
});
