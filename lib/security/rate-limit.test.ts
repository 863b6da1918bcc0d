import fs from "node:fs";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Sign-in runs as a server action, which reads cookies and the client address through
// next/headers; here those come from this object, so the real action code runs. `ip` is the
// socket's peer as the server stamps it; `forwardedFor` what the client claims.
const request = vi.hoisted(() => ({
  ip: "203.0.113.10",
  forwardedFor: undefined as string | undefined,
  session: undefined as string | undefined,
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.session ? { name, value: request.session } : undefined),
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () =>
    new Headers({
      "x-ferry-peer": request.ip,
      ...(request.forwardedFor ? { "x-forwarded-for": request.forwardedFor } : {}),
    }),
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
import {
  LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE,
  LOGIN_ATTEMPTS_PER_MINUTE,
  PASSPHRASE_ATTEMPTS_PER_MINUTE,
} from "./rate-limit";

// Attempt limits for sign-in (10 failures a minute per account and address) and bundle
// passphrases (20 attempts a minute per user, right or wrong: each costs a key derivation): the
// next attempt is refused with RATE_LIMITED (429) and a message saying what to do; while the limit
// holds, even the right secret waits. Windows are fixed minutes, so each test starts early in one.

async function freshWindow(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 50));
}

beforeEach(async () => {
  await db.rateLimitHit.deleteMany();
  request.ip = "203.0.113.10";
  request.forwardedFor = undefined;
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
    "refuses the 21st passphrase attempt in a minute with 429 RATE_LIMITED, on every surface",
    { timeout: 90_000 },
    async () => {
      await freshWindow();
      expect(PASSPHRASE_ATTEMPTS_PER_MINUTE).toBe(20);
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
      for (let n = 1; n <= 20; n++)
        expect(await attempt(`wrong passphrase ${n}`), `attempt ${n}`).toMatchObject({
          status: 400,
          body: { error: { code: "WRONG_PASSPHRASE" } },
        });
      expect(await attempt("wrong passphrase 21")).toEqual({
        status: 429,
        body: {
          error: { code: "RATE_LIMITED", message: "Too many passphrase attempts. Wait a minute and try again." },
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

  it(
    "counts every passphrase check, right ones too: a verifier made for one's own passphrase cannot spin the KDF",
    { timeout: 90_000 },
    async () => {
      await freshWindow();
      const admin = await actorFor("admin@globex.test");
      request.session = (await createSession(admin.userId)).token;
      const bundle = JSON.parse(fs.readFileSync("test/fixtures/bad-bundles/valid/encrypted.json", "utf8")) as {
        encryption: unknown;
      };
      const { passphrase } = JSON.parse(fs.readFileSync("test/fixtures/bad-bundles/cases.json", "utf8")) as {
        passphrase: string;
      };
      for (let n = 1; n <= PASSPHRASE_ATTEMPTS_PER_MINUTE; n++)
        expect(await checkPassphraseAction(bundle.encryption, passphrase, "globex"), `check ${n}`).toEqual({
          ok: true,
          data: undefined,
        });
      expect(await checkPassphraseAction(bundle.encryption, passphrase, "globex")).toEqual({
        ok: false,
        error: { code: "RATE_LIMITED", message: "Too many passphrase attempts. Wait a minute and try again." },
      });
    },
  );

  it("lets only tenant admins check a passphrase, and refuses iterations outside 600,000–5,000,000", async () => {
    const bundle = JSON.parse(fs.readFileSync("test/fixtures/bad-bundles/valid/encrypted.json", "utf8")) as {
      encryption: Record<string, unknown>;
    };
    for (const email of ["analyst@acme.test", "lead@acme.test"]) {
      request.session = (await createSession((await actorFor(email)).userId)).token;
      expect(await checkPassphraseAction(bundle.encryption, "any passphrase at all"), email).toMatchObject({
        ok: false,
        error: { code: "FORBIDDEN" },
      });
    }
    request.session = (await createSession((await actorFor("admin@acme.test")).userId)).token;
    expect(await checkPassphraseAction(bundle.encryption, "any passphrase at all", "globex")).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    for (const iterations of [100_000, 599_999, 5_000_001, 10_000_000]) {
      const started = Date.now();
      expect(
        await checkPassphraseAction({ ...bundle.encryption, iterations }, "any passphrase at all", "acme"),
        String(iterations),
      ).toMatchObject({
        ok: false,
        error: { code: "INVALID_BUNDLE", details: [{ path: "encryption.iterations" }] },
      });
      expect(Date.now() - started).toBeLessThan(1_000);
    }
    expect(await db.rateLimitHit.count()).toBe(0);
  });

  it(
    "ignores X-Forwarded-For from a peer that is not a trusted proxy: a fresh header per guess still meets the limit",
    { timeout: 90_000 },
    async () => {
      await freshWindow();
      for (let attempt = 1; attempt <= 10; attempt++) {
        request.forwardedFor = `198.51.100.${attempt}`;
        expect(await signInAction({ email: "lead@acme.test", password: `wrong ${attempt}` })).toMatchObject({
          error: { code: "UNAUTHENTICATED" },
        });
      }
      request.forwardedFor = "198.51.100.99";
      expect(await signInAction({ email: "lead@acme.test", password: "wrong 11" })).toMatchObject({
        error: { code: "RATE_LIMITED" },
      });
    },
  );

  it("counts atomically: of 30 parallel wrong passwords from one address, exactly 10 are checked", async () => {
    await freshWindow();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, n) => signInAction({ email: "lead@acme.test", password: `parallel ${n}` })),
    );
    const codes = results.map((r) => (r.ok ? "OK" : r.error.code));
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(LOGIN_ATTEMPTS_PER_MINUTE);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(30 - LOGIN_ATTEMPTS_PER_MINUTE);
  });

  it(
    "limits each account across addresses: guesses spread over many addresses stop at the account's limit",
    { timeout: 120_000 },
    async () => {
      await freshWindow();
      expect(LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE).toBe(30);
      for (let attempt = 1; attempt <= 30; attempt++) {
        request.ip = `198.51.100.${attempt}`;
        expect(
          await signInAction({ email: "analyst@acme.test", password: `wrong ${attempt}` }),
          `attempt ${attempt}`,
        ).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
      }
      request.ip = "192.0.2.77";
      expect(await signInAction({ email: "analyst@acme.test", password: DEMO_PASSWORD })).toMatchObject({
        error: { code: "RATE_LIMITED" },
      });
      expect(await signInAction({ email: "lead@acme.test", password: DEMO_PASSWORD })).toEqual({
        ok: true,
        data: undefined,
      });
    },
  );
});
