// Test-only fault injection: FERRY_TEST_FAULT=<step> makes the import throw at that write step,
// proving the transaction leaves the target untouched. Inert in production builds.

export const IMPORT_WRITE_STEPS = [
  "project",
  "users",
  "connections",
  "llmConfigs",
  "agent",
  "models",
  "versions",
  "materializations",
  "recipes",
  "settings",
  "accessBindings",
  "audit",
] as const;
export type ImportWriteStep = (typeof IMPORT_WRITE_STEPS)[number];

export function faultPoint(step: ImportWriteStep): void {
  if (process.env.NODE_ENV === "production") return;
  if (process.env.FERRY_TEST_FAULT === step) throw new Error(`Injected fault at import step "${step}"`);
}
