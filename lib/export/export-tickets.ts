import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashToken, newSecretToken } from "@/lib/auth/tokens";
import type { BundleEncryption, OptionalSection } from "@/lib/bundle/schema";
import { parseFernetKey } from "@/lib/crypto/fernet";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { masterKey, seal, unseal } from "@/lib/secrets/keys";
import { authorizeExport, exportFromAccess, type ExportRequest, type PreparedExport } from "./export-project";

// The export dialog's server action cannot return a 100 MB file through the React payload. It
// authorises and prepares the export here and returns a one-time URL; the browser then downloads
// the stream from a route handler. The URL holds only a random token: no passphrase, no key.

export const TICKET_TTL_MS = 2 * 60_000;
const SEAL_CONTEXT = "ferry-export-ticket";

interface TicketParams {
  tenantSlug: string;
  projectSlug: string;
  sections: OptionalSection[];
  stable: boolean;
  joinedModels?: string[];
}

/** What the prepared file will hold, for the dialog's success message (its size is known only once downloaded). */
export interface ExportContents {
  /** Model slugs of a model export (the chosen one first), or the project's model count. */
  models: string[] | number;
  sections: OptionalSection[];
  /** `encrypted`: every secret under the passphrase; `llm-keys`: the LLM keys only (connection secrets stripped). */
  credentials: "encrypted" | "llm-keys" | "stripped";
}

export async function createExportTicket(
  request: ExportRequest,
): Promise<{ url: string; filename: string; contents: ExportContents }> {
  const target = await authorizeExport(request);
  const token = newSecretToken();
  const params: TicketParams = {
    tenantSlug: target.tenant.slug,
    projectSlug: target.projectSlug,
    sections: target.settings.sections,
    stable: target.settings.stable,
    ...(target.settings.joinedModels ? { joinedModels: target.settings.joinedModels } : {}),
  };
  const sealedKey = target.encryption
    ? seal(
        masterKey(),
        Buffer.from(
          JSON.stringify({
            encryption: target.encryption.encryption,
            key: Buffer.concat([target.encryption.key.signingKey, target.encryption.key.encryptionKey]).toString(
              "base64",
            ),
          }),
        ),
        SEAL_CONTEXT,
      )
    : null;
  await db.exportTicket.create({
    data: {
      tokenHash: hashToken(token),
      userId: request.actor.userId,
      tenantId: target.tenant.id,
      projectId: target.projectId,
      modelSlug: target.model?.slug ?? null,
      params: { ...params },
      sealedKey,
      expiresAt: new Date(Date.now() + TICKET_TTL_MS),
    },
  });
  // Expired tickets are useless; clearing them here keeps the table small without a scheduler.
  await db.exportTicket.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - TICKET_TTL_MS) } } });
  const prepared = exportFromAccess(target);
  return {
    url: `/api/v1/exports/${token}`,
    filename: prepared.filename,
    contents: {
      models: target.models?.map((m) => m.slug) ?? (await db.model.count({ where: { projectId: target.projectId } })),
      sections: prepared.sections,
      credentials: { all: "encrypted", "llm-keys": "llm-keys", none: "stripped" }[
        prepared.secrets
      ] as ExportContents["credentials"],
    },
  };
}

/** Redeems a ticket once, for the user who made it, re-checking their role at download time. */
export async function redeemExportTicket(options: { actor: Actor; token: string }): Promise<PreparedExport> {
  const tokenHash = hashToken(options.token);
  const ticket = await db.exportTicket.findUnique({ where: { tokenHash } });
  const gone = new AppError("NOT_FOUND", "This download link has expired or was already used. Export again.");
  if (!ticket || ticket.userId !== options.actor.userId || ticket.expiresAt.getTime() < Date.now()) throw gone;
  const claimed = await db.exportTicket.updateMany({
    where: { id: ticket.id, consumedAt: null },
    data: { consumedAt: new Date(), sealedKey: null },
  });
  if (claimed.count !== 1) throw gone;
  const params = ticket.params as unknown as TicketParams;
  const target = await authorizeExport({
    actor: options.actor,
    tenantSlug: params.tenantSlug,
    projectSlug: params.projectSlug,
    modelSlug: ticket.modelSlug ?? undefined,
    options: { sections: params.sections, stable: params.stable, joinedModels: params.joinedModels },
  });
  if (ticket.sealedKey) {
    const opened = JSON.parse(unseal(masterKey(), ticket.sealedKey, SEAL_CONTEXT).toString("utf8")) as {
      encryption: BundleEncryption;
      key: string;
    };
    target.encryption = { encryption: opened.encryption, key: parseFernetKey(Buffer.from(opened.key, "base64")) };
  }
  return exportFromAccess(target);
}
