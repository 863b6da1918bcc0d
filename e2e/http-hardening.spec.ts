import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { APIResponse, Page } from "@playwright/test";
import pg from "pg";
import { largeProjectBundle } from "@/test/large-bundle";
import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { reviewAndImport } from "./support/bundles";
import { postAction } from "./support/server-actions";
import { E2E_PORT, e2eDatabaseUrl } from "./support/servers";

// HTTP hardening against the production build: security headers on every kind of response, a
// per-request CSP nonce that Next's scripts carry (and nothing violates), session cookies, and
// uploads counted while they stream — including a > 10 MB bundle through the import wizard's
// upload to the import route, which the CSP proxy must leave alone.

const LIMIT = Number(process.env.FERRY_MAX_BUNDLE_MB ?? 200) * 1024 * 1024;
const BIG_SLUG = "e2e-big-import";

function expectBaseHeaders(response: APIResponse, what: string): void {
  const headers = response.headers();
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["cross-origin-opener-policy"], what).toBe("same-origin");
  expect(headers["x-powered-by"], what).toBeUndefined();
}

function pagePolicy(response: APIResponse): { nonce: string; policy: string } {
  const policy = response.headers()["content-security-policy"] ?? "";
  const scripts = /script-src ([^;]*)/.exec(policy)?.[1] ?? "";
  expect(scripts).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'$/);
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  return { nonce: /'nonce-([^']+)'/.exec(scripts)![1]!, policy };
}

async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === "ferry_session")!;
  return `${cookie.name}=${cookie.value}`;
}

/** Streams spaces to a JSON upload route without a Content-Length until the server answers. */
function streamUntilAnswered(options: {
  cookie: string;
  path: string;
  max: number;
}): Promise<{ status: number; body: string; sentWhenAnswered: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: "127.0.0.1",
      port: E2E_PORT,
      path: options.path,
      method: "POST",
      headers: { cookie: options.cookie, "content-type": "application/json", "transfer-encoding": "chunked" },
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    let answered = -1;
    request.on("response", (response) => {
      answered = sent;
      let body = "";
      response.on("data", (data: Buffer) => (body += data.toString()));
      response.on("end", () => {
        resolve({ status: response.statusCode!, body, sentWhenAnswered: answered });
        request.destroy();
      });
    });
    // Once the server has answered it may close the connection under our writes.
    request.on("error", (error) => (answered < 0 ? reject(error) : undefined));
    const pump = () => {
      while (answered < 0 && sent < options.max) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (answered < 0) request.end();
    };
    pump();
  });
}

test.afterAll(async () => {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  await client.query(`DELETE FROM "Project" WHERE slug = $1`, [BIG_SLUG]);
  await client.end();
});

test.describe("HTTP hardening", () => {
  test("every kind of response carries the security headers; pages a fresh CSP nonce their scripts use", async ({
    request,
  }) => {
    const login = await request.get("/login");
    expectBaseHeaders(login, "page");
    const { nonce } = pagePolicy(login);
    const html = await login.text();
    const scriptNonces = [...html.matchAll(/<script\b[^>]*\bnonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    expect([...html.matchAll(/<script\b(?![^>]*\bnonce=)[^>]*>/g)]).toEqual([]);
    expect(pagePolicy(await request.get("/login")).nonce).not.toBe(nonce);

    const missing = await request.get("/no-such-page");
    expect(missing.status()).toBe(404);
    expectBaseHeaders(missing, "not found");
    pagePolicy(missing);

    for (const url of ["/api/v1/health", "/api/v1/me", "/api/v1/bundle-schema.json"]) {
      const api = await request.get(url);
      expectBaseHeaders(api, url);
      expect(api.headers()["content-security-policy"], url).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
    }
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
    expectBaseHeaders(await request.get(asset), "static file");
    const action = await postAction(request, {
      url: "/login",
      action: "signInAction",
      args: [{ email: "nobody@ferry.test", password: "wrong password" }],
    });
    expectBaseHeaders(action.response, "server action");
    expect(action.result).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  test("sets the session cookie HttpOnly and SameSite=Lax, and Secure behind HTTPS (with HSTS)", async ({
    request,
  }) => {
    const credentials = [{ email: "lead@acme.test", password: DEMO_PASSWORD }];
    const plain = await postAction(request, {
      url: "/login",
      action: "signInAction",
      args: credentials,
      headers: { "x-forwarded-for": "198.51.100.61" },
    });
    const plainCookie = plain.response.headers()["set-cookie"] ?? "";
    expect(plainCookie).toMatch(/^ferry_session=[A-Za-z0-9_-]{43};/);
    expect(plainCookie).toMatch(/; HttpOnly/i);
    expect(plainCookie).toMatch(/; SameSite=lax/i);
    expect(plainCookie).not.toMatch(/; Secure/i);
    expect(plain.response.headers()["strict-transport-security"]).toBeUndefined();

    const tls = await postAction(request, {
      url: "/login",
      action: "signInAction",
      args: credentials,
      headers: { "x-forwarded-for": "198.51.100.61", "x-forwarded-proto": "https" },
    });
    const tlsCookie = tls.response.headers()["set-cookie"] ?? "";
    expect(tlsCookie).toMatch(/; Secure/i);
    expect(tlsCookie).toMatch(/; HttpOnly/i);
    expect(tlsCookie).toMatch(/; SameSite=lax/i);
    expect(tls.response.headers()["strict-transport-security"]).toBe("max-age=31536000");
    expect(
      (await request.get("/login", { headers: { "x-forwarded-proto": "https" } })).headers()["content-security-policy"],
    ).toContain("upgrade-insecure-requests");
  });

  test("nothing in the workspace, the export dialog or the import wizard violates the CSP", async ({
    page,
    loginAs,
  }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on("pageerror", (error) => violations.push(error.message));
    await loginAs("admin@acme.test");
    await page
      .getByRole("link", { name: /Sales Analytics/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Actions for Sales Analytics" }).click();
    await page.getByRole("menuitem", { name: "Export Project…" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.keyboard.press("Escape");
    await page.goto("/t/acme/import");
    // The wizard validates the file in a Web Worker: it must be allowed to start.
    await page
      .getByLabel("Choose project export file (.json)")
      .setInputFiles("test/fixtures/bad-bundles/valid/base.json");
    await expect(page.getByLabel("Bundle summary")).toContainText("Corpus");
    expect(violations).toEqual([]);
  });

  test("refuses an upload over the limit while it streams, without waiting for the rest", async ({ page, loginAs }) => {
    test.setTimeout(120_000);
    await loginAs("admin@acme.test");
    const cookie = await sessionCookie(page);
    const declared = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: "127.0.0.1",
          port: E2E_PORT,
          path: "/api/v1/projects/import/preview?tenant=acme",
          method: "POST",
          headers: { cookie, "content-type": "application/json", "content-length": String(LIMIT + 1024 * 1024) },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode!);
          request.destroy();
        },
      );
      request.on("error", reject);
      request.flushHeaders(); // headers only: the body never comes
    });
    expect(declared).toBe(413);

    const streamed = await streamUntilAnswered({
      cookie,
      path: "/api/v1/projects/import/preview?tenant=acme",
      max: 3 * LIMIT,
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    // Answered as soon as the limit was passed (plus what sockets buffer), not after 3× the limit.
    expect(streamed.sentWhenAnswered).toBeGreaterThan(LIMIT);
    expect(streamed.sentWhenAnswered).toBeLessThan(LIMIT + 64 * 1024 * 1024);
    expect((await page.request.get("/api/v1/health")).status()).toBe(200);
  });

  test("imports a bundle over 10 MB through the wizard", async ({ page, loginAs }) => {
    test.setTimeout(120_000);
    const file = path.join(os.tmpdir(), `ferry-e2e-big-${process.pid}.json`);
    fs.writeFileSync(
      file,
      largeProjectBundle({ slug: BIG_SLUG, models: 60, versionsPerModel: 8, snapshotBytes: 30_000, label: "Big" }),
    );
    expect(fs.statSync(file).size).toBeGreaterThan(12 * 1024 * 1024);
    await loginAs("admin@acme.test");
    await page.goto("/t/acme/import");
    await page.getByLabel("Choose project export file (.json)").setInputFiles(file);
    await expect(page.getByLabel("Bundle summary")).toContainText("60 models", { timeout: 30_000 });
    await reviewAndImport(page);
    await expect(page.getByText("Project imported")).toBeVisible({ timeout: 90_000 });
    const detail = await page.request.get(`/api/v1/projects/${BIG_SLUG}?tenant=acme`);
    expect(((await detail.json()) as { models: unknown[] }).models).toHaveLength(60);
    fs.rmSync(file);
  });
});
