import fs from "node:fs";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Sign-in runs as a server action, which reads cookies and the client address through
// next/headers; here those come from this object, so the real action code runs.
const request = vi.hoisted(() => ({ ip: "203.0.113.10", session: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.session ? { name, value: request.session } : undefined),
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => new Headers({ "x-forwarded-for": request.ip }),
}));

import { signInAction } from "@/app/(auth)/login/actions";
import { checkPassphraseAction } from "@/app/(workspace)/t/[tenant]/import/actions";
import { POST as importProject } from "@/app/api/v1/projects/import/route";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { DEMO_PASSWORD } from "@/lib/demo/seed-demo-data";
import { actorFor } from "@/test/actors";
import { bundleForm } from "@/test/bundle-form";
import { demoToken } from "@/test/tokens";
import { LOGIN_ATTEMPTS_PER_MINUTE, PASSPHRASE_ATTEMPTS_PER_MINUTE } from "./rate-limit";

// Failure limits (10 a minute) for sign-in and bundle passphrases: the 11th wrong attempt is
// refused with RATE_LIMITED (429) and a message saying what to do; while the limit holds, even
// the right secret waits. Windows are fixed minutes, so each test starts early in one.

async function freshWindow(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 50));
}

beforeEach(async () => {
  await db.rateLimitHit.deleteMany();
  request.ip = "203.0.113.10";
  request.session = undefined;
});

describe("failure rate limits", () => {
  it(
    "refuses the 11th wrong password in a minute with RATE_LIMITED, for that account and address only",
    { timeout: 90_000 },
    async () => {
      await freshWindow();
      expect(LOGIN_ATTEMPTS_PER_MINUTE).toBe(10);
      for (let attempt = 1; attempt <= 10; attempt++) {
        const result = await signInAction({ email: "lead@acme.test", password: `wrong ${attempt}` });
        expect(result, `attempt ${attempt}`).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
      }
      const eleventh = await signInAction({ email: "lead@acme.test", password: "wrong 11" });
      expect(eleventh).toEqual({
        ok: false,
        error: { code: "RATE_LIMITED", message: "Too many failed sign-in attempts. Wait a minute and try again." },
      });
      expect(await signInAction({ email: "lead@acme.test", password: DEMO_PASSWORD })).toMatchObject({
        ok: false,
        error: { code: "RATE_LIMITED" },
      });
      // Another account from the same address, and the same account from elsewhere, still sign in.
      expect(await signInAction({ email: "analyst@acme.test", password: DEMO_PASSWORD })).toEqual({
        ok: true,
        data: undefined,
      });
      request.ip = "198.51.100.200";
      expect(await signInAction({ email: "lead@acme.test", password: DEMO_PASSWORD })).toEqual({
        ok: true,
        data: undefined,
      });
    },
  );

  it(
    "refuses the 11th wrong passphrase in a minute with 429 RATE_LIMITED, on every surface",
    { timeout: 90_000 },
    async () => {
      await freshWindow();
      expect(PASSPHRASE_ATTEMPTS_PER_MINUTE).toBe(10);
      const admin = await actorFor("admin@globex.test");
      const token = await demoToken("admin@globex.test");
      const bundle = fs.readFileSync("test/fixtures/bad-bundles/valid/encrypted.json");
      const attempt = async (passphrase: string) => {
        const form = bundleForm(bundle, {
          mode: "create",
          tenant: "globex",
          passphrase,
          connectionMapping: { wh: { action: "create", name: "wh-limited" } },
        });
        const response = await importProject(
          new Request("http://ferry.test/api/v1/projects/import", {
            method: "POST",
            headers: { authorization: `Bearer ${token}` },
            body: form,
          }),
          { params: Promise.resolve({}) },
        );
        return {
          status: response.status,
          body: (await response.json()) as { error?: { code: string; message: string } },
        };
      };
      for (let n = 1; n <= 10; n++)
        expect(await attempt(`wrong passphrase ${n}`), `attempt ${n}`).toMatchObject({
          status: 400,
          body: { error: { code: "WRONG_PASSPHRASE" } },
        });
      expect(await attempt("wrong passphrase 11")).toEqual({
        status: 429,
        body: {
          error: { code: "RATE_LIMITED", message: "Too many failed passphrase attempts. Wait a minute and try again." },
        },
      });
      const passphrase = (
        JSON.parse(fs.readFileSync("test/fixtures/bad-bundles/cases.json", "utf8")) as { passphrase: string }
      ).passphrase;
      expect((await attempt(passphrase)).status).toBe(429);
      // The wizard's passphrase step shares the limit: it is per user, not per surface.
      request.session = (await createSession(admin.userId)).token;
      const encryption = (JSON.parse(bundle.toString("utf8")) as { encryption: unknown }).encryption;
      expect(await checkPassphraseAction(encryption, passphrase)).toMatchObject({
        ok: false,
        error: { code: "RATE_LIMITED" },
      });
      expect(await db.project.count({ where: { slug: "corpus" } })).toBe(0);
    },
  );
});
