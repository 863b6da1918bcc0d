import type { ByteSource } from "@/lib/bundle/byte-source";
import { parseUploadedBundle } from "@/lib/bundle/check-models-in-parallel";
import type { Bundle } from "@/lib/bundle/schema";
import { maxBundleBytes } from "@/lib/config/limits";
import { parseImportOptions, type ImportOptions } from "./import-options";
import type { ImportProgress } from "./import-phase";

/**
 * An import route's transport → the orchestrators' input: options first (so INVALID_OPTIONS wins
 * over a bad file), then the bundle's bytes, validated model by model (on two threads when large).
 */
export async function readImportInput(
  upload: { source(): ByteSource; options: unknown },
  onProgress?: ImportProgress,
  fixed: Partial<ImportOptions> = {},
): Promise<{ bundle: Bundle; options: ImportOptions }> {
  const options = parseImportOptions({ ...(upload.options as object | undefined), ...fixed });
  onProgress?.("validating");
  return { options, bundle: await parseUploadedBundle(upload.source(), maxBundleBytes()) };
}
