import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Uploads are spooled to `ferry-upload-*.json` in the temporary directory (spool-file.ts) and
// removed on every way out of a request; only a killed process leaves one behind. The production
// server sweeps them when it starts (scripts/serve.ts, which runs outside the React Server
// Components build: this module is plain Node).

export const SPOOL_PREFIX = "ferry-upload-";
/** A leftover upload untouched for this long is removed. */
const SWEEP_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes leftover uploads untouched for `age` (another instance sharing the directory may be
 * receiving one right now). Returns the names removed; a failure is logged, never thrown.
 */
export function sweepSpooledUploads(options: { directory?: string; now?: number; age?: number } = {}): string[] {
  const directory = options.directory ?? os.tmpdir();
  const cutoff = (options.now ?? Date.now()) - (options.age ?? SWEEP_AGE_MS);
  const removed: string[] = [];
  let names: string[];
  try {
    // The temporary directory, not a file of the build: the server build need not trace it.
    names = fs
      .readdirSync(/*turbopackIgnore: true*/ directory)
      .filter((name) => name.startsWith(SPOOL_PREFIX) && name.endsWith(".json"));
  } catch {
    return removed;
  }
  for (const name of names) {
    const file = path.join(/*turbopackIgnore: true*/ directory, name);
    try {
      const stat = fs.lstatSync(file);
      if (!stat.isFile() || stat.mtimeMs > cutoff) continue;
      fs.rmSync(file, { force: true });
      removed.push(name);
    } catch (error) {
      console.error(`[ferry] could not remove the leftover upload ${file}:`, error);
    }
  }
  return removed;
}
