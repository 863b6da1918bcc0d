import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { signInSchema } from "@/lib/validations/auth";
import { exportDialogSchema } from "@/lib/validations/export";
import { createUserSchema } from "@/lib/validations/user";
import { SERVER_ACTION_BODY_LIMIT } from "./limits";

// Bounded work per request (SPEC §6): an anonymous caller must not make the server buffer or hash
// megabytes. Server actions carry forms only; bundles go to the streaming import routes.

describe("request bounds", () => {
  it("limits server action bodies to 1 MB", () => {
    expect(SERVER_ACTION_BODY_LIMIT).toBe("1mb");
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe("1mb");
  });

  it("refuses a sign-in password over 1,024 characters, and an oversized email", () => {
    expect(signInSchema.safeParse({ email: "a@b.test", password: "x".repeat(1_024) }).success).toBe(true);
    const long = signInSchema.safeParse({ email: "a@b.test", password: "x".repeat(1_025) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe("A password has at most 1,024 characters.");
    expect(signInSchema.safeParse({ email: `${"a".repeat(320)}@b.test`, password: "x" }).success).toBe(false);
    expect(createUserSchema.safeParse({ email: "a@b.test", name: "A", password: "x".repeat(1_025) }).success).toBe(
      false,
    );
  });

  it("bounds the export dialog's passphrase", () => {
    const values = (passphrase: string) => ({
      sections: {
        connections: true,
        llmConfigs: true,
        agent: true,
        recipes: true,
        settings: true,
        accessBindings: false,
      },
      includeCredentials: true,
      passphrase,
      confirmPassphrase: passphrase,
    });
    expect(exportDialogSchema.safeParse(values("p".repeat(1_024))).success).toBe(true);
    expect(exportDialogSchema.safeParse(values("p".repeat(1_025))).success).toBe(false);
  });
});
