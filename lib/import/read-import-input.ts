import type { ByteSource } from "@/lib/bundle/byte-source";
import { parseBundleSource } from "@/lib/bundle/parse-bundle";
import type { Bundle } from "@/lib/bundle/schema";
import { maxBundleBytes } from "@/lib/config/limits";
import { parseImportOptions, type ImportOptions } from "./import-options";
import { sha256 } from "./plan-token";
import type { ImportProgress } from "./import-phase";

/**
 * An import route's transport → the orchestrators' input: options first (so INVALID_OPTIONS wins
 * over a bad file), then the bundle's bytes, validated model by model.
 */
export function readImportInput(
  upload: { source(): ByteSource; options: unknown },
  onProgress?: ImportProgress,
  fixed: Partial<ImportOptions> = {},
): { bundle: Bundle; options: ImportOptions } {
  const options = parseImportOptions({ ...(upload.options as object | undefined), ...fixed });
  onProgress?.("validating");
  return { options, bundle: parseBundleSource(upload.source(), maxBundleBytes(), sha256) };
}
