import type { Bundle } from "@/lib/bundle/schema";
import type { ImportOptions } from "./import-options";
import type { ImportReport } from "./import-report";

/** What an import (or a dry run) answers: the API, the wizard and the CLI show it. */
export interface ImportResult extends ImportReport {
  scope: Bundle["scope"];
  mode: ImportOptions["mode"];
  dryRun: boolean;
  project: { tenant: string; slug: string; displayName: string; href: string };
  connections: { exportedName: string; type: string; action: string; targetName: string; sharedWith: string[] }[];
  llmConfigs: { name: string; active: boolean }[];
}
