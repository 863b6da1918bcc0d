import { IMPORT_WRITE_STEPS } from "@/lib/bundle/sections";

// Test-only fault injection: FERRY_TEST_FAULT=<step> makes the import throw at that write step,
// proving the transaction leaves the target untouched. Inert in production builds. The steps
// come from the section registry (each section names its own).

export { IMPORT_WRITE_STEPS };
export type ImportWriteStep = (typeof IMPORT_WRITE_STEPS)[number];

export function faultPoint(step: string): void {
  if (process.env.NODE_ENV === "production") return;
  if (process.env.FERRY_TEST_FAULT === step) throw new Error(`Injected fault at import step "${step}"`);
}
