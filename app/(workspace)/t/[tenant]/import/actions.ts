"use server";

import { requireActionActor } from "@/lib/auth/session-actor";
import { AppError } from "@/lib/errors";
import { runAction } from "@/lib/http/action-result";
import { rowKey } from "@/lib/http/workspace-action";
import { checkPassphrase } from "@/lib/import/check-passphrase";

/** `tenantSlug`: the tenant being imported into (the caller must administer it). */
export async function checkPassphraseAction(encryption: unknown, passphrase: unknown, tenantSlug?: unknown) {
  return runAction("checkPassphrase", async () => {
    const actor = await requireActionActor();
    if (typeof passphrase !== "string") throw new AppError("PASSPHRASE_REQUIRED", "Enter the passphrase.");
    await checkPassphrase({
      actor,
      encryption,
      passphrase,
      tenantSlug: tenantSlug === undefined ? undefined : rowKey(tenantSlug),
    });
  });
}
