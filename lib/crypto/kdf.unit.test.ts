import { describe, expect, it } from "vitest";
import { openBundleEncryption } from "@/lib/bundle/bundle-crypto";
import { encryptionSchema } from "@/lib/bundle/schema";
import { MAX_BUNDLE_KDF_ITERATIONS, MIN_BUNDLE_KDF_ITERATIONS } from "./kdf-iterations";
import { createSemaphore } from "./semaphore";

// Key derivation is bounded work (SPEC §6): 600,000–5,000,000 iterations, a few at a time.

describe("key-derivation bounds", () => {
  const block = (iterations: number) => ({
    cipher: "fernet",
    kdf: "pbkdf2-sha256",
    iterations,
    salt: "ZmVycnktY29ycHVzLXNhbHQ=",
    verifier: "gAAAAA",
  });

  it("accepts 600,000 to 5,000,000 iterations and nothing outside", () => {
    expect([MIN_BUNDLE_KDF_ITERATIONS, MAX_BUNDLE_KDF_ITERATIONS]).toEqual([600_000, 5_000_000]);
    for (const ok of [600_000, 1_000_000, 5_000_000]) expect(encryptionSchema.safeParse(block(ok)).success).toBe(true);
    for (const bad of [100_000, 599_999, 5_000_001, 10_000_000, 600_000.5])
      expect(encryptionSchema.safeParse(block(bad)).success, String(bad)).toBe(false);
  });

  it("refuses to derive outside the range even when handed an unchecked block", async () => {
    const started = Date.now();
    for (const iterations of [1, 10_000_000])
      await expect(openBundleEncryption(block(iterations) as never, "a long enough passphrase")).rejects.toMatchObject({
        code: "INVALID_BUNDLE",
        details: [{ path: "encryption.iterations" }],
      });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("refuses a passphrase over 1,024 characters before deriving", async () => {
    await expect(openBundleEncryption(block(600_000) as never, "p".repeat(1_025))).rejects.toMatchObject({
      code: "INVALID_OPTIONS",
    });
  });
});

describe("semaphore", () => {
  it("runs at most `limit` tasks at once, in arrival order, and frees slots on failure", async () => {
    const slot = createSemaphore(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (n: number, fail = false) =>
      slot(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 10));
        running--;
        order.push(n);
        if (fail) throw new Error(`task ${n}`);
        return n;
      });
    const results = await Promise.allSettled([task(1), task(2, true), task(3), task(4), task(5)]);
    expect(peak).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
  });
});
