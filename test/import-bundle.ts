import type { Actor } from "@/lib/auth/actor";
import { ByteSource } from "@/lib/bundle/byte-source";
import type { Bundle } from "@/lib/bundle/schema";
import { importModel } from "@/lib/import/import-model";
import { importProject } from "@/lib/import/import-project";
import type { ImportResult } from "@/lib/import/import-result";
import { readImportInput } from "@/lib/import/read-import-input";

/**
 * Tests' shorthand for what an import route does: bytes (or a parsed bundle) and untyped options
 * in, through the same parsing and the orchestrator of the expected scope.
 */
export async function importBundle(request: {
  actor: Actor;
  bundle: Uint8Array | Bundle;
  options: unknown;
  expectScope?: Bundle["scope"];
}): Promise<ImportResult> {
  const source = request.bundle;
  const input =
    source instanceof Uint8Array
      ? await readImportInput({ source: () => ByteSource.of(source), options: request.options })
      : {
          ...(await readImportInput({ source: () => ByteSource.of(new Uint8Array()), options: request.options })),
          bundle: source,
        };
  const run = request.expectScope === "model" ? importModel : importProject;
  return run({ actor: request.actor, ...input });
}
