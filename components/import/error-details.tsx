import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

const TITLES: Record<string, string> = {
  INVALID_JSON: "This file is not valid JSON",
  INVALID_BUNDLE: "This is not a valid Ferry bundle",
  UNSUPPORTED_BUNDLE_VERSION: "This bundle needs a newer Ferry",
  PAYLOAD_TOO_LARGE: "The file is too large",
  DANGLING_REFERENCE: "The bundle refers to something it does not contain",
  WRONG_PASSPHRASE: "Wrong passphrase",
  SLUG_TAKEN: "That slug is taken",
  CONNECTION_MAPPING_REQUIRED: "Decide how to bring in the connections",
  CONNECTION_TYPE_MISMATCH: "Connection types do not match",
  RATE_LIMITED: "Too many attempts",
  IMPORT_FAILED: "The import failed",
};

/** An error from the pure core or the server, in words, with up to five precise details. */
export function ErrorDetails({ error }: { error: { code: string; message: string; details?: unknown } }) {
  const details = Array.isArray(error.details) ? (error.details as { path?: string; reason?: string }[]) : [];
  return (
    <Alert variant="destructive">
      <AlertTitle>{TITLES[error.code] ?? "Something went wrong"}</AlertTitle>
      <AlertDescription>
        <p>{error.message}</p>
        {details.length > 1 && (
          <ul className="mt-2 list-disc pl-5 text-xs">
            {details.slice(0, 5).map((d, i) => (
              <li key={i}>
                {d.path ? <span className="font-mono">{d.path}</span> : null}
                {d.path && d.reason ? ": " : null}
                {d.reason}
              </li>
            ))}
            {details.length > 5 && <li>…and {details.length - 5} more</li>}
          </ul>
        )}
      </AlertDescription>
    </Alert>
  );
}
