import type { APIRequestContext } from "@playwright/test";
import { DEMO_SECRETS } from "./no-secrets";
import { expect, test } from "./fixtures";

// Crawls the workspace as each demo role — every page reachable by links from where they land,
// and the API they can call with their session — and greps every answer for the seeded secrets,
// encrypted columns and tokens. Pages come from the server, so a secret in any server-rendered
// text or React payload would show up here.

const ROLES: [string, string[]][] = [
  ["root@ferry.test", ["/t/acme", "/t/globex"]],
  ["admin@acme.test", ["/t/acme"]],
  ["lead@acme.test", ["/t/acme"]],
  ["analyst@acme.test", ["/t/acme"]],
  ["admin@globex.test", ["/t/globex"]],
];
const LEAKS = [
  /secretEncrypted|apiKeyEncrypted|passwordHash|tokenHash/,
  /ferry_pat_[A-Za-z0-9_-]{20,}/,
  /v1\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{8,}/,
];

function expectClean(text: string, where: string): void {
  for (const secret of DEMO_SECRETS) expect(text.includes(secret), `${where} holds the secret ${secret}`).toBe(false);
  for (const leak of LEAKS) expect(text, where).not.toMatch(leak);
}

/** Every workspace page linked from `start`, breadth first. */
async function crawl(request: APIRequestContext, start: string[]): Promise<string[]> {
  const queue = [...start, "/settings"];
  const seen = new Set(queue);
  const visited: string[] = [];
  while (queue.length > 0) {
    const url = queue.shift()!;
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(200);
    const html = await response.text();
    expectClean(html, url);
    visited.push(url);
    for (const match of html.matchAll(/href="(\/(?:t\/|settings)[^"#]*)"/g)) {
      const link = match[1]!.replace(/&amp;/g, "&");
      if (!seen.has(link) && seen.size < 300) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  return visited;
}

test.describe("secrets never reach a browser", () => {
  for (const [email, start] of ROLES) {
    test(`as ${email}: no page or API answer holds a secret`, async ({ page, loginAs }) => {
      await loginAs(email);
      const visited = await crawl(page.request, start);
      // Tenant page, connections, import, settings, and each project's tabs and models.
      expect(visited.length, visited.join("\n")).toBeGreaterThanOrEqual(email === "root@ferry.test" ? 35 : 10);
      expect(visited.some((url) => /\/m\/[a-z0-9-]+$/.test(url))).toBe(true);

      const projects = (await (await page.request.get("/api/v1/projects")).json()) as {
        projects: { tenant: string; slug: string }[];
      };
      const api = [
        "/api/v1/me",
        "/api/v1/projects",
        ...projects.projects.map((p) => `/api/v1/projects/${p.slug}?tenant=${p.tenant}`),
      ];
      for (const url of api) {
        const response = await page.request.get(url);
        expect(response.status(), url).toBe(200);
        expectClean(await response.text(), url);
      }
    });
  }
});
