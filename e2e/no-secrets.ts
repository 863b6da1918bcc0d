import { expect, type Page } from "@playwright/test";

// The seeded secrets (lib/demo/seed-demo-data.ts DEMO_SECRETS; that module is server-only, so
// the values are repeated here). No page, RSC payload or action response may carry them.
export const DEMO_SECRETS = [
  "pg-Secr3t-acme-warehouse",
  "sf-Secr3t-acme-prod",
  "bq-Secr3t-private-key",
  "sk-demo-Secr3t-openai",
  "sk-ant-demo-Secr3t",
  "pg-Secr3t-globex",
  "my-Secr3t-globex",
];

/** Records every response of the page; `check` fails if any of them (or the DOM) holds a secret. */
export function watchForSecrets(page: Page, extra: string[] = []) {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    bodies.push(response.text().catch(() => ""));
  });
  return {
    async check() {
      const seen = (await Promise.all(bodies)).join("\n") + (await page.content());
      for (const secret of [...DEMO_SECRETS, ...extra])
        expect(seen, `secret ${secret} reached the browser`).not.toContain(secret);
      expect(seen).not.toMatch(/secretEncrypted|apiKeyEncrypted/);
    },
  };
}
