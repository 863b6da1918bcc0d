import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_SECRETS } from "./no-secrets";
import { E2E_DATA_DIR } from "./support/servers";

// Runs after every other end-to-end test (project "server-log" depends on "chromium"): the
// output of every server they ran against — the main one (scripts/e2e-server.ts) and the extra
// instances — holds no secret, passphrase, token or session cookie, no unexpected server error,
// and no sign that a request body was cut short.

// Passphrases the end-to-end tests type or send.
const PASSPHRASES = ["e2e import passphrase", "a long passphrase", "not the passphrase", "corpus passphrase 1"];

test("server logs hold no secrets, tokens or unexpected errors", () => {
  const files = fs.readdirSync(E2E_DATA_DIR).filter((name) => name.endsWith(".log"));
  expect(files).toContain("server.log");
  for (const file of files) {
    const log = fs.readFileSync(path.join(E2E_DATA_DIR, file), "utf8");
    expect(log.length, file).toBeGreaterThan(0);
    for (const secret of [...DEMO_SECRETS, ...PASSPHRASES])
      expect(log.includes(secret), `${file} holds "${secret}"`).toBe(false);
    expect(log, file).not.toMatch(/ferry_pat_[A-Za-z0-9_-]{20,}/);
    expect(log, file).not.toMatch(/ferry_session=|authorization: bearer/i);
    expect(log, file).not.toMatch(/secretEncrypted|apiKeyEncrypted|passwordHash/);
    expect(log, file).not.toContain("unexpected error during");
    expect(log, file).not.toContain("Request body exceeded");
  }
  expect(fs.readFileSync(path.join(E2E_DATA_DIR, "server.log"), "utf8")).toContain("Ready");
});
