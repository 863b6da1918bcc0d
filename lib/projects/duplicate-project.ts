import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { isTenantAdmin } from "@/lib/auth/permissions";
import { parseBundleBytes } from "@/lib/bundle/parse-bundle";
import type { Bundle } from "@/lib/bundle/schema";
import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";
import { db } from "@/lib/db";
import { withPgTransaction } from "@/lib/database/pg-transaction";
import { AppError } from "@/lib/errors";
import { instanceName } from "@/lib/export/export-project";
import { writeProjectBundle } from "@/lib/export/write-project-bundle";
import { snapshotEncryption } from "@/lib/history/snapshots";
import type { ImportResult } from "@/lib/import/import-result";
import { runImport } from "@/lib/import/import-steps";
import { hashBundle } from "@/lib/import/plan-token";
import { resolveTenant } from "@/lib/tenants/resolve-tenant";
import { duplicateOptionsSchema } from "@/lib/validations/duplicate";
import { parseInput } from "@/lib/validations/parse-input";
import { requireProject } from "./require-project";

// Duplicate (SPEC §13): the project's full bundle, secrets included, is read in one consistent
// snapshot under a random key that never leaves the server, then imported in create mode through
// the same plan, transaction, audit and history as any import. Same tenant: models stay on the same
// tenant connections. Another tenant (system admin, or admin of both): secrets are re-encrypted
// under that tenant's key by the import; connections are mapped onto same-named ones of the same
// type, or created, unless `connectionMapping` says otherwise.

export async function duplicateProject(request: {
  actor: Actor;
  tenantSlug?: string | null;
  projectSlug: string;
  options: unknown;
}): Promise<ImportResult> {
  const options = parseInput(duplicateOptionsSchema, request.options ?? {}, "INVALID_OPTIONS");
  const source = await requireProject({
    actor: request.actor,
    tenantSlug: request.tenantSlug,
    projectSlug: request.projectSlug,
    minRole: "ADMIN",
    change: "operation",
  });
  if (!isTenantAdmin(request.actor, source.tenant.id))
    throw new AppError("FORBIDDEN", `Only an admin of tenant "${source.tenant.slug}" can duplicate its projects.`);
  const target = options.tenant
    ? await resolveTenant({ actor: request.actor, tenantSlug: options.tenant, requireAdmin: true })
    : source.tenant;

  const { encryption, key } = snapshotEncryption();
  const chunks: Buffer[] = [];
  await withPgTransaction(
    (client) =>
      writeProjectBundle(
        {
          client,
          projectId: source.project.id,
          scope: "project",
          sections: [...OPTIONAL_SECTIONS],
          meta: {
            exportedAt: new Date().toISOString(),
            exportedBy: request.actor.email,
            source: { tenant: source.tenant.slug, instance: instanceName() },
          },
          encryption: { encryption, key },
        },
        async (chunk) => void chunks.push(Buffer.from(chunk)),
      ),
    { isolation: "REPEATABLE READ", readOnly: true },
  );
  const bundle = parseBundleBytes(Buffer.concat(chunks), Number.MAX_SAFE_INTEGER);
  // The copy's key is fresh at every read, so its ciphertexts are too: the plan token stands on the
  // content (secrets as their states), the source, and the target's state.
  const hash = createHash("sha256");
  hashBundle(hash, {
    ...bundle,
    encryption: undefined,
    meta: { ...bundle.meta, exportedAt: undefined },
    connections: bundle.connections?.map((c) => ({ ...c, credentials: typeof c.credentials })),
    llmConfigs: bundle.llmConfigs?.map((l) => ({ ...l, credentials: typeof l.credentials })),
  } as unknown as Bundle);
  hash.update(`${source.tenant.id}/${source.project.id}`);

  const existing =
    target.id === source.tenant.id
      ? null
      : await db.connection.findMany({
          where: { tenantId: target.id, name: { in: (bundle.connections ?? []).map((c) => c.name) } },
          select: { name: true, type: true },
        });
  const connectionMapping = {
    ...Object.fromEntries(
      (bundle.connections ?? []).map((c) => {
        if (!existing) return [c.name, { action: "map" as const, target: c.name }];
        const same = existing.find((e) => e.name === c.name);
        return [
          c.name,
          same && same.type === c.type ? { action: "map" as const, target: c.name } : { action: "create" as const },
        ];
      }),
    ),
    ...options.connectionMapping,
  };
  return runImport({
    actor: request.actor,
    tenant: target,
    projectSlug: options.slug,
    bundle,
    options: {
      mode: "create",
      tenant: target.slug,
      projectSlug: options.slug,
      displayName: options.displayName ?? `${source.project.displayName} (copy)`,
      connectionMapping,
      ...(options.dryRun ? { dryRun: true } : {}),
      ...(options.planToken ? { planToken: options.planToken } : {}),
    },
    bundleKey: key,
    bundleIdentity: hash.digest("hex"),
    onProgress: () => {},
  });
}
