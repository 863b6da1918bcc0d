import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actorFromAccessToken } from "@/lib/auth/access-tokens";
import { loadActorByEmail } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { tenantCipher } from "@/lib/secrets/tenant-secrets";
import { ferry, type CliResult } from "@/test/run-cli";

const dir = mkdtempSync(path.join(tmpdir(), "ferry-cli-test-"));
function secretFile(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content, { mode: 0o600 });
  return file;
}

function expectNoStackTrace(result: CliResult) {
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain("node_modules");
}

describe("ferry CLI: help and usage errors", () => {
  it("prints help for the root, a group and each command", async () => {
    const [root, group, command] = await Promise.all([
      ferry(["--help"]),
      ferry(["token", "--help"]),
      ferry(["user", "create", "--help"]),
    ]);
    expect(root.code).toBe(0);
    for (const name of [
      "token create",
      "token revoke",
      "token list",
      "user create",
      "tenant create",
      "tenant add-member",
    ])
      expect(root.stdout).toContain(name);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain("token revoke");
    expect(command.code).toBe(0);
    expect(command.stdout).toContain("Usage: npm run ferry -- user create --email EMAIL");
    expect(command.stdout).toContain("--password-file FILE");
  });

  it("answers unknown commands and options with exit code 2 and a hint", async () => {
    const results = await Promise.all([
      ferry(["teleport"]),
      ferry(["token", "create", "--email", "lead@acme.test", "--colour", "red"]),
      ferry(["token", "create"]),
      ferry(["token", "frobnicate"]),
      ferry([]),
    ]);
    const [unknownCommand, unknownOption, missing, unknownSub, nothing] = results;
    expect(unknownCommand.stderr).toContain('error: INVALID_OPTIONS: Unknown command "teleport".');
    expect(unknownOption.stderr).toContain('Unknown option "--colour".');
    expect(unknownOption.stderr).toContain("npm run ferry -- token create --help");
    expect(missing.stderr).toContain("--email is required.");
    expect(unknownSub.stderr).toContain('Unknown command "token frobnicate".');
    expect(nothing.stderr).toContain("Usage: npm run ferry -- <command>");
    for (const result of results) {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expectNoStackTrace(result);
    }
  });

  it("reports unexpected failures in one line, without a stack trace", async () => {
    const result = await ferry(["token", "list", "--email", "lead@acme.test"], {
      DATABASE_URL: "postgresql://nobody:wrong@127.0.0.1:1/nothing",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: INTERNAL_ERROR: .*ECONNREFUSED/m);
    expect(result.stderr).not.toContain("wrong");
    expectNoStackTrace(result);
  });
});

describe("ferry token", () => {
  it("creates a token that authenticates, lists it, and revokes it", async () => {
    const created = await ferry([
      "token",
      "create",
      "--email",
      "Lead@Acme.test",
      "--name",
      "ci",
      "--expires-days",
      "30",
    ]);
    expect(created.code).toBe(0);
    // Only the token on stdout, so `> file` captures exactly the secret.
    expect(created.stdout).toMatch(/^ferry_pat_[A-Za-z0-9_-]{43}\n$/);
    expect(created.stderr).toContain('Created token "ci"');
    const token = created.stdout.trim();
    expect((await actorFromAccessToken(token))?.email).toBe("lead@acme.test");

    const prefix = token.slice(0, "ferry_pat_".length + 6);
    const listed = await ferry(["token", "list", "--email", "lead@acme.test"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${prefix}\\s+active\\s+ci`));
    expect(listed.stdout).not.toContain(token);

    const revoked = await ferry(["token", "revoke", "--email", "lead@acme.test", "--prefix", prefix]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain("Revoked 1 token");
    expect(await actorFromAccessToken(token)).toBeNull();

    const again = await ferry(["token", "revoke", "--email", "lead@acme.test", "--prefix", prefix]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("error: NOT_FOUND:");
  });

  it("revokes all of a user's tokens", async () => {
    const tokens = await Promise.all([1, 2].map(() => ferry(["token", "create", "--email", "analyst@acme.test"])));
    const revoked = await ferry(["token", "revoke", "--email", "analyst@acme.test", "--all"]);
    expect(revoked.stdout).toContain("Revoked 2 tokens");
    for (const created of tokens) expect(await actorFromAccessToken(created.stdout.trim())).toBeNull();
  });

  it("refuses unknown users and bad values clearly", async () => {
    const [unknown, badDays, both] = await Promise.all([
      ferry(["token", "create", "--email", "ghost@acme.test"]),
      ferry(["token", "create", "--email", "lead@acme.test", "--expires-days", "0"]),
      ferry(["token", "revoke", "--email", "lead@acme.test", "--all", "--prefix", "x"]),
    ]);
    expect(unknown).toMatchObject({ code: 1, stdout: "" });
    expect(unknown.stderr).toBe('error: NOT_FOUND: No user has the email "ghost@acme.test".\n');
    expect(badDays.code).toBe(1);
    expect(badDays.stderr).toContain("error: INVALID_INPUT: A token lasts at least 1 day.");
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("Give either --prefix PREFIX or --all.");
  });
});

describe("ferry user and tenant", () => {
  it("creates a user from a password file, as a member of a tenant", async () => {
    const file = secretFile("dana.txt", "correct horse battery\n");
    const result = await ferry([
      "user",
      "create",
      "--email",
      "Dana@Acme.test",
      "--name",
      "Dana Data",
      "--password-file",
      file,
      "--tenant",
      "acme",
      "--role",
      "tenant_admin",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Created user dana@acme.test (Dana Data), TENANT_ADMIN of acme.\n");
    const user = await db.user.findUniqueOrThrow({
      where: { email: "dana@acme.test" },
      select: { passwordHash: true },
    });
    // One trailing newline is dropped; the rest of the file is the password.
    expect(await verifyPassword("correct horse battery", user.passwordHash)).toBe(true);
    expect((await loadActorByEmail("dana@acme.test", "cli"))?.memberships).toEqual([
      expect.objectContaining({ tenantSlug: "acme", role: "TENANT_ADMIN" }),
    ]);

    const duplicate = await ferry([
      "user",
      "create",
      "--email",
      "dana@acme.test",
      "--name",
      "Dana",
      "--password-file",
      file,
    ]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('error: CONFLICT: A user with the email "dana@acme.test" already exists.');
  });

  it("refuses short passwords, missing files and a missing terminal without creating anything", async () => {
    const [short, missing, noTerminal] = await Promise.all([
      ferry([
        "user",
        "create",
        "--email",
        "eve@acme.test",
        "--name",
        "Eve",
        "--password-file",
        secretFile("short.txt", "short\n"),
      ]),
      ferry([
        "user",
        "create",
        "--email",
        "eve@acme.test",
        "--name",
        "Eve",
        "--password-file",
        path.join(dir, "absent.txt"),
      ]),
      ferry(["user", "create", "--email", "eve@acme.test", "--name", "Eve"]),
    ]);
    expect(short.stderr).toContain("error: INVALID_INPUT: A password has at least 8 characters.");
    expect(missing.stderr).toContain("no such file");
    expect(noTerminal.stderr).toContain("pass --password-file FILE");
    for (const result of [short, missing, noTerminal]) {
      expect(result.code).toBe(1);
      expectNoStackTrace(result);
    }
    expect(await db.user.count({ where: { email: "eve@acme.test" } })).toBe(0);
  });

  it("creates a tenant with a working data key and adds members to it", async () => {
    const created = await ferry(["tenant", "create", "--slug", "initech", "--name", "Initech LLC"]);
    expect(created).toMatchObject({ code: 0, stdout: "Created tenant initech (Initech LLC).\n" });
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "initech" }, select: { id: true } });
    const cipher = await tenantCipher({ tenantId: tenant.id });
    expect(cipher.decrypt(cipher.encrypt({ password: "x" }))).toEqual({ password: "x" });

    const [taken, badSlug] = await Promise.all([
      ferry(["tenant", "create", "--slug", "initech", "--name", "Again"]),
      ferry(["tenant", "create", "--slug", "Not A Slug", "--name", "x"]),
    ]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('error: SLUG_TAKEN: A tenant with the slug "initech" already exists.');
    expect(badSlug.code).toBe(1);
    expect(badSlug.stderr).toContain("error: INVALID_SLUG:");

    const added = await ferry([
      "tenant",
      "add-member",
      "--tenant",
      "initech",
      "--email",
      "lead@acme.test",
      "--role",
      "MEMBER",
    ]);
    expect(added.stdout).toBe("Added lead@acme.test to initech as MEMBER.\n");
    const promoted = await ferry([
      "tenant",
      "add-member",
      "--tenant",
      "initech",
      "--email",
      "lead@acme.test",
      "--role",
      "TENANT_ADMIN",
    ]);
    expect(promoted.stdout).toContain("from MEMBER to TENANT_ADMIN");
    expect(
      (await loadActorByEmail("lead@acme.test", "cli"))?.memberships.map((m) => `${m.tenantSlug}:${m.role}`),
    ).toEqual(["acme:MEMBER", "initech:TENANT_ADMIN"]);

    const badRole = await ferry([
      "tenant",
      "add-member",
      "--tenant",
      "initech",
      "--email",
      "lead@acme.test",
      "--role",
      "OWNER",
    ]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("The role must be TENANT_ADMIN or MEMBER.");
  });
});
