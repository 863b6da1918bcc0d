import { expect } from "vitest";
import { DEMO_SECRETS } from "@/lib/demo/seed-demo-data";

/**
 * Asserts that a value handed out by lib/ carries no secret: no demo or test plaintext, no
 * sealed ciphertext (v1.<iv>.<data>.<tag>) and no encrypted column.
 */
export function expectNoSecrets(value: unknown, extraPlaintexts: string[] = []): void {
  const text = JSON.stringify(value) ?? "";
  for (const secret of [...Object.values(DEMO_SECRETS), ...extraPlaintexts]) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/v1\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{8,}/);
  expect(text).not.toMatch(/secretEncrypted|apiKeyEncrypted/);
}
