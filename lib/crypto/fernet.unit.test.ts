import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { fernetDecrypt, fernetEncrypt, FernetError, parseFernetKey } from "./fernet";
import { deriveBundleKey } from "./derive-bundle-key";

interface Vector {
  token: string;
  now: string;
  secret: string;
  src?: string;
  iv?: number[];
  ttl_sec?: number;
  desc?: string;
}

// The official vectors from github.com/fernet/spec.
const fixtures = path.resolve(__dirname, "../../test/fixtures/fernet");
function load(name: string): Vector[] {
  return JSON.parse(fs.readFileSync(path.join(fixtures, name), "utf8")) as Vector[];
}
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe("fernet", () => {
  it.each(load("generate.json"))("generates the spec token for $src", (vector) => {
    const token = fernetEncrypt(parseFernetKey(vector.secret), vector.src ?? "", {
      now: seconds(vector.now),
      iv: Buffer.from(vector.iv ?? []),
    });
    expect(token).toBe(vector.token);
  });

  it.each(load("verify.json"))("verifies the spec token for $src", (vector) => {
    const plain = fernetDecrypt(parseFernetKey(vector.secret), vector.token, {
      now: seconds(vector.now),
      ttlSeconds: vector.ttl_sec,
    });
    expect(plain.toString("utf8")).toBe(vector.src);
  });

  it.each(load("invalid.json"))("rejects: $desc", (vector) => {
    expect(() =>
      fernetDecrypt(parseFernetKey(vector.secret), vector.token, {
        now: seconds(vector.now),
        ttlSeconds: vector.ttl_sec,
      }),
    ).toThrow(FernetError);
  });

  it("round-trips random payloads and rejects a flipped bit", () => {
    const key = parseFernetKey(Buffer.alloc(32, 7));
    for (const text of ["", "x", "é∑ unicode", "a".repeat(10_000)]) {
      const token = fernetEncrypt(key, text);
      expect(fernetDecrypt(key, token).toString("utf8")).toBe(text);
      const tampered = token.slice(0, 20) + (token[20] === "A" ? "B" : "A") + token.slice(21);
      expect(() => fernetDecrypt(key, tampered)).toThrow(FernetError);
    }
  });

  it("rejects keys of the wrong length", () => {
    expect(() => parseFernetKey("c2hvcnQ=")).toThrow(FernetError);
  });
});

describe("deriveBundleKey", () => {
  it("matches the PBKDF2-HMAC-SHA256 test vector (RFC 7914 §11)", async () => {
    // RFC 7914 gives PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64); its first 32 bytes are the key.
    const key = await deriveBundleKey({ passphrase: "passwd", salt: Buffer.from("salt"), iterations: 1 });
    expect(Buffer.concat([key.signingKey, key.encryptionKey]).toString("hex")).toBe(
      "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc",
    );
  });
});
