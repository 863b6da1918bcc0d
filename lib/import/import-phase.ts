// The phases an import reports while it runs, shared by the server (NDJSON progress lines) and
// the wizard (its progress labels).
export const IMPORT_PHASES = {
  validating: "Checking the bundle…",
  "checking the passphrase": "Checking the passphrase…",
  planning: "Planning the import…",
  snapshot: "Snapshotting the current project…",
  project: "Writing the project…",
  models: "Writing models…",
  versions: "Writing model versions",
  settings: "Writing recipes, settings and access…",
  committing: "Committing…",
} as const;

export type ImportPhase = keyof typeof IMPORT_PHASES;

export type ImportProgress = (phase: ImportPhase, done?: number, total?: number) => void;

export function isImportPhase(value: unknown): value is ImportPhase {
  return typeof value === "string" && Object.hasOwn(IMPORT_PHASES, value);
}
