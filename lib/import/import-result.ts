import type { Bundle } from "@/lib/bundle/schema";
import type { ReferencePlan } from "@/lib/projects/reference";
import type { ImportOptions } from "./import-options";
import type { ImportReport } from "./import-report";
import type { PlanItem, PlanSection } from "./plan-changes";

/** What an import (or a dry run) answers: the API, the wizard and the CLI show it. */
export interface ImportResult extends ImportReport {
  scope: Bundle["scope"];
  mode: ImportOptions["mode"];
  dryRun: boolean;
  /** Send it back with the import (`planToken`) to be refused when the target changed since (PLAN_STALE). */
  planToken: string;
  /** Item by item, what the import changes (a dry run: would change). SPEC §11. */
  plan: { changes: boolean; project: PlanItem; sections: PlanSection[] };
  project: { tenant: string; slug: string; displayName: string; href: string };
  connections: { exportedName: string; type: string; action: string; targetName: string; sharedWith: string[] }[];
  llmConfigs: { name: string; active: boolean }[];
  /** The project becomes a reference (`create`, `convert`) or this is a *Reference update* (SPEC §13). */
  reference: ReferencePlan;
  /** Not a dry run: the stored result (SPEC §12) and where it stays reachable. */
  importId?: string;
  resultHref?: string;
  /** Not a dry run into an existing project: the snapshot taken before, to restore. */
  snapshot?: { id: string; models: number; bytes: number; compressedBytes: number };
}
