// Limits shared by the server, the wizard and the CLI. FERRY_MAX_BUNDLE_MB sets the largest
// bundle accepted (default 200 MB).

export const DEFAULT_MAX_BUNDLE_MB = 200;

/** Largest server action body (forms only; SPEC §6 "Bounded work per request"). */
export const SERVER_ACTION_BODY_LIMIT = "1mb";
export const SERVER_ACTION_BODY_BYTES = 1024 * 1024;

export function maxBundleMegabytes(): number {
  const raw = process.env.FERRY_MAX_BUNDLE_MB;
  const parsed = raw ? Number.parseFloat(raw) : Number.NaN;
  return Number.isFinite(parsed) && parsed > 0 ? parsed : DEFAULT_MAX_BUNDLE_MB;
}

export function maxBundleBytes(): number {
  return Math.floor(maxBundleMegabytes() * 1024 * 1024);
}

/**
 * Bytes of uploads this process may hold in spooled files at once (FERRY_UPLOAD_SPOOL_MB; by
 * default four of the largest bundles): past it an upload is cut off with UNAVAILABLE (503), so
 * concurrent uploads cannot fill the disk.
 */
export function uploadSpoolBytes(): number {
  const raw = process.env.FERRY_UPLOAD_SPOOL_MB;
  const parsed = raw ? Number.parseFloat(raw) : Number.NaN;
  return Number.isFinite(parsed) && parsed > 0 ? Math.floor(parsed * 1024 * 1024) : 4 * maxBundleBytes();
}
