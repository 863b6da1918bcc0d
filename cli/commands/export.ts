import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { requiredPositional } from "../lib/args";
import { defineCommand } from "../lib/command";
import { readSecret } from "../lib/secret-input";
import { DEFAULT_SECTIONS, OPTIONAL_SECTIONS } from "@/lib/bundle/sections";

const optionalNotDefault = OPTIONAL_SECTIONS.filter((s) => !DEFAULT_SECTIONS.includes(s));

export const exportCommand = defineCommand({
  name: "export",
  summary: "Export a project (or one model) to a bundle file or stdout",
  usage:
    "export <project-slug> [--tenant T] [--out FILE] [--sections a,b] [--include-credentials --passphrase-file F] [--stable] [--model M [--joined LIST|none]]",
  description: `Writes the project's bundle (format ferry.project v1) to FILE, or to stdout without --out. Sections: ${DEFAULT_SECTIONS.join(", ")} (default) and ${optionalNotDefault.join(", ")}; models are always included. With --include-credentials, secrets are encrypted under a passphrase read from --passphrase-file or a hidden prompt (never from the command line). --stable leaves out the export time so the file can live in version control.`,
  positionals: [{ name: "project-slug", description: "The project to export." }],
  options: {
    tenant: {
      type: "string",
      value: "TENANT",
      description: "The project's tenant (default: the only tenant with that slug).",
    },
    out: { type: "string", value: "FILE", description: "Write the bundle to FILE (default: stdout)." },
    sections: { type: "string", value: "LIST", description: "Comma-separated optional sections to include." },
    "include-credentials": { type: "boolean", description: "Include secrets, encrypted under a passphrase." },
    "passphrase-file": {
      type: "string",
      value: "FILE",
      description: "Read the passphrase from FILE (at least 8 characters).",
    },
    stable: { type: "boolean", description: "Omit meta.exportedAt (byte-identical re-exports)." },
    model: {
      type: "string",
      value: "MODEL",
      description:
        "Export this model (scope model) with the models it joins to, transitively, and the connections they use.",
    },
    joined: {
      type: "string",
      value: "LIST",
      description: "With --model: the joined models to include, comma-separated, or none (default: all of them).",
    },
  },
  examples: [
    "export sales-analytics --tenant acme --out sales.json",
    "export sales-analytics --stable --sections connections,settings > sales.json",
    "export sales-analytics --include-credentials --passphrase-file ./pass.txt --out sales-secrets.json",
    "export sales-analytics --model order-items --joined orders,customers --out order-items.json",
  ],
  schema: z
    .object({
      positionals: requiredPositional("project-slug"),
      tenant: z.string().min(1).optional(),
      out: z.string().min(1).optional(),
      sections: z.string().optional(),
      "include-credentials": z.boolean().default(false),
      "passphrase-file": z.string().optional(),
      stable: z.boolean().default(false),
      model: z.string().min(1).optional(),
      joined: z.string().optional(),
    })
    .refine(
      (input) => input["passphrase-file"] === undefined || input["include-credentials"],
      "--passphrase-file needs --include-credentials.",
    )
    .refine((input) => input.joined === undefined || input.model !== undefined, "--joined needs --model."),
  async run(input, io) {
    const projectSlug = input.positionals[0]!;
    const passphrase = input["include-credentials"]
      ? await readSecret({
          file: input["passphrase-file"],
          flag: "--passphrase-file",
          prompt: "Passphrase for the credentials: ",
          confirm: "Repeat the passphrase: ",
        })
      : undefined;
    const { cliActor } = await import("@/lib/auth/actor");
    const { prepareExport } = await import("@/lib/export/export-project");
    const { findProjectTenant } = await import("@/lib/tenants/find-project-tenant");
    const tenantSlug = input.tenant ?? (await findProjectTenant({ projectSlug }));
    const sections =
      input.sections === undefined
        ? undefined
        : input.sections
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean);
    const prepared = await prepareExport({
      actor: cliActor(),
      tenantSlug,
      projectSlug,
      modelSlug: input.model,
      options: {
        sections,
        includeCredentials: input["include-credentials"],
        passphrase,
        stable: input.stable,
        ...(input.joined === undefined
          ? {}
          : {
              joinedModels:
                input.joined.trim() === "none"
                  ? []
                  : input.joined
                      .split(",")
                      .map((s) => s.trim())
                      .filter(Boolean),
            }),
      },
    });
    if (!input.out) {
      await pipeline(prepared.open(), io.stdout, { end: false });
      return;
    }
    // Write beside the target and rename: a failed export never leaves a half-written file.
    const target = path.resolve(input.out);
    const partial = `${target}.partial-${process.pid}`;
    try {
      await pipeline(prepared.open(), fs.createWriteStream(partial, { mode: 0o600 }));
      fs.renameSync(partial, target);
    } finally {
      fs.rmSync(partial, { force: true });
    }
    io.note(
      `Exported ${tenantSlug}/${projectSlug}${input.model ? ` model ${input.model}` : ""} to ${input.out} (${(fs.statSync(target).size / 1024).toFixed(1)} KB).`,
    );
  },
});
