import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Bundle } from "@/lib/bundle/schema";
import type { ImportOptions } from "@/lib/import/import-options";
import type { OptionSpec } from "./command";
import { readSecret } from "./secret-input";

// The flags `import` and `plan` share, and how they become the one ImportOptions the API and the
// wizard send too.

const pair = (flag: string) =>
  z
    .array(z.string())
    .default([])
    .transform((values, ctx) => {
      const result: Record<string, string> = {};
      for (const value of values) {
        const [from, to, ...rest] = value.split("=");
        if (!from || !to || rest.length > 0)
          ctx.addIssue({ code: "custom", message: `--${flag} takes OLD=NEW (got "${value}").` });
        else result[from] = to;
      }
      return result;
    });

/** `--select section=key` / `--exclude section=key`, repeated: the API's `select`. */
const selection = (flag: string) =>
  z
    .array(z.string())
    .default([])
    .transform((values, ctx) => {
      const result: Record<string, string[]> = {};
      for (const value of values) {
        const at = value.indexOf("=");
        if (at <= 0 || at === value.length - 1)
          ctx.addIssue({
            code: "custom",
            message: `--${flag} takes SECTION=KEY, e.g. models=orders (got "${value}").`,
          });
        else (result[value.slice(0, at)] ??= []).push(value.slice(at + 1));
      }
      return result;
    });

export const IMPORT_FLAGS: Record<string, OptionSpec> = {
  tenant: { type: "string", value: "TENANT", description: "Target tenant (default: the only tenant of the instance)." },
  mode: {
    type: "string",
    value: "MODE",
    description:
      "create (default), replace (the target becomes the bundle), merge (update and add, keep the rest) or skip-existing (only add what the target lacks).",
  },
  slug: {
    type: "string",
    value: "SLUG",
    description: "Project slug to create, or the project to replace or merge into (default: the exported slug).",
  },
  "display-name": { type: "string", value: "NAME", description: "Display name of the imported project." },
  "passphrase-file": { type: "string", value: "FILE", description: "Read the bundle's passphrase from FILE." },
  map: {
    type: "string",
    multiple: true,
    value: "EXPORTED=EXISTING",
    description: "Map an exported connection onto an existing one of the same type.",
  },
  create: {
    type: "string",
    multiple: true,
    value: "EXPORTED[=NAME]",
    description: "Create the connection (optionally under another name) with the bundle's credentials.",
  },
  pending: {
    type: "string",
    multiple: true,
    value: "EXPORTED[=NAME]",
    description: "Create the connection without credentials (pending).",
  },
  "override-credentials": { type: "boolean", description: "Write the bundle's credentials into mapped connections." },
  "rename-model": {
    type: "string",
    multiple: true,
    value: "OLD=NEW",
    description: "Import a model under another slug; references are rewritten.",
  },
  select: {
    type: "string",
    multiple: true,
    value: "SECTION=KEY",
    description:
      "Import only these items of a section (e.g. models=orders, settings=currency); models pull the connections they use.",
  },
  exclude: {
    type: "string",
    multiple: true,
    value: "SECTION=KEY",
    description: "Leave this item of a section out (e.g. recipes=return-rate).",
  },
  project: { type: "string", value: "PROJECT", description: "Model bundles: the project to import the model into." },
  reference: {
    type: "boolean",
    description:
      "Import as a reference: read-only here, updated only by importing from the same source (create or replace).",
  },
  "create-users": {
    type: "boolean",
    description: "Create users named by access bindings that do not exist, and add them to the tenant.",
  },
};

export const importFlagsSchema = {
  tenant: z.string().min(1).optional(),
  mode: z
    .enum(["create", "replace", "merge", "skip-existing"], {
      error: "--mode is create, replace, merge or skip-existing.",
    })
    .default("create"),
  slug: z.string().min(1).optional(),
  "display-name": z.string().min(1).optional(),
  "passphrase-file": z.string().optional(),
  map: pair("map"),
  create: z.array(z.string()).default([]),
  pending: z.array(z.string()).default([]),
  "override-credentials": z.boolean().default(false),
  "rename-model": pair("rename-model"),
  select: selection("select"),
  exclude: selection("exclude"),
  project: z.string().min(1).optional(),
  reference: z.boolean().default(false),
  "create-users": z.boolean().default(false),
};

type ImportFlags = z.output<z.ZodObject<typeof importFlagsSchema>>;

/** Reads and validates a bundle file (size-checked before it is read). */
export async function readBundleFile(name: string): Promise<Bundle> {
  // `npm run` starts in the package's directory; a relative path means the caller's directory.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), name);
  const { AppError } = await import("@/lib/errors");
  const { maxBundleBytes } = await import("@/lib/config/limits");
  const { tooLarge } = await import("@/lib/bundle/parse-bundle");
  const { parseUploadedBundle } = await import("@/lib/bundle/check-models-in-parallel");
  const { ByteSource } = await import("@/lib/bundle/byte-source");
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new AppError("INVALID_OPTIONS", `"${name}" is not a readable file.`);
  if (stat.size > maxBundleBytes()) throw tooLarge(stat.size, maxBundleBytes());
  // A large bundle's models are checked on two threads, as the import routes do.
  return parseUploadedBundle(ByteSource.of(await fs.readFile(file)), maxBundleBytes());
}

/** The flags as ImportOptions (asks for the passphrase when the bundle carries credentials). */
export async function importOptionsFromFlags(
  input: ImportFlags,
  bundle: Bundle,
  extra: Partial<ImportOptions>,
): Promise<ImportOptions> {
  const { AppError } = await import("@/lib/errors");
  const { parseImportOptions } = await import("@/lib/import/import-options");
  const { soleTenant } = await import("@/lib/tenants/find-project-tenant");
  const passphrase = bundle.encryption
    ? await readSecret({
        file: input["passphrase-file"],
        flag: "--passphrase-file",
        prompt: "Passphrase of the bundle: ",
      })
    : undefined;
  const connectionMapping: Record<string, { action: "create" | "map" | "pending"; target?: string; name?: string }> =
    {};
  for (const [exported, target] of Object.entries(input.map)) connectionMapping[exported] = { action: "map", target };
  for (const [action, values] of [
    ["create", input.create],
    ["pending", input.pending],
  ] as const) {
    for (const value of values) {
      const [exported, name] = value.split("=");
      connectionMapping[exported!] = { action, ...(name ? { name } : {}) };
    }
  }
  const isModel = bundle.scope === "model";
  if (isModel && !input.project)
    throw new AppError("INVALID_OPTIONS", "This is a model bundle: name the project to import it into with --project.");
  const sections = new Set([...Object.keys(input.select), ...Object.keys(input.exclude)]);
  const select = Object.fromEntries(
    [...sections].map((section) => [
      section,
      {
        ...(input.select[section] ? { include: input.select[section] } : {}),
        ...(input.exclude[section] ? { exclude: input.exclude[section] } : {}),
      },
    ]),
  );
  return parseImportOptions({
    mode: input.mode,
    tenant: input.tenant ?? (await soleTenant()),
    projectSlug: isModel ? input.project : input.slug,
    displayName: input["display-name"],
    passphrase,
    modelSlugOverrides: input["rename-model"],
    connectionMapping,
    overrideCredentials: input["override-credentials"],
    createUsers: input["create-users"],
    ...(input.reference ? { reference: true } : {}),
    ...(sections.size > 0 ? { select } : {}),
    ...extra,
  });
}

/** Runs the import (or its plan) with the orchestrator of the bundle's scope, as the CLI operator. */
export async function runCliImport(bundle: Bundle, options: ImportOptions) {
  const { cliActor } = await import("@/lib/auth/actor");
  const { importModel } = await import("@/lib/import/import-model");
  const { importProject } = await import("@/lib/import/import-project");
  return (bundle.scope === "model" ? importModel : importProject)({ actor: cliActor(), bundle, options });
}
