import { suggestedConnectionAction } from "@/lib/bundle/sections/connection-actions";
import type { ConnectionMappingEntry, ImportOptions } from "@/lib/import/import-options";
import type { BundleSummary } from "@/lib/import/summarize-bundle";
import type { WizardTarget } from "./plan-in-browser";

// What the options step starts from: the shared ImportOptions, pre-filled. The planner (through
// plan-in-browser.ts) then says what is wrong with them; nothing here decides validity.

export function defaultImportOptions(summary: BundleSummary, target: WizardTarget, passphrase?: string): ImportOptions {
  const shared = {
    mode: "create" as const,
    tenant: target.tenantSlug,
    ...(passphrase ? { passphrase } : {}),
    // Identity entries keep one input per model; the planner ignores them.
    modelSlugOverrides: Object.fromEntries(summary.models.map((m) => [m.slug, m.slug])),
    connectionMapping: defaultConnectionMapping(summary, target),
    overrideCredentials: false,
  };
  if (summary.scope === "model") return { ...shared, projectSlug: target.project?.slug };
  return { ...shared, projectSlug: summary.project.slug, displayName: summary.project.displayName };
}

/**
 * One row per exported connection, pre-filled with the shared suggestion (the planner's default,
 * else the same-named connection of the same type); a row it leaves undecided starts as "pending
 * credentials", the choice that needs no secret. Each row keeps a name so switching its action
 * back and forth loses nothing.
 */
export function defaultConnectionMapping(
  summary: BundleSummary,
  target: WizardTarget,
): Record<string, ConnectionMappingEntry> {
  const existing = new Map(target.connections.map((c) => [c.name, c]));
  return Object.fromEntries(
    summary.connections.map((c) => {
      const hasSecret = c.credentials === "encrypted";
      const action = suggestedConnectionAction({ name: c.name, type: c.type, hasSecret }, existing);
      const entry: ConnectionMappingEntry =
        action === "map" ? { action, target: c.name } : { action: action ?? "pending" };
      return [c.name, { ...entry, name: c.name }];
    }),
  );
}

/**
 * Switching modes: replace, merge and skip-existing start on the project with the bundle's slug
 * when there is one, create on the bundle's slug. The display name follows (an existing project
 * keeps its own name by default) unless the user typed one.
 */
export function optionsForMode(
  mode: ImportOptions["mode"],
  summary: BundleSummary,
  target: WizardTarget,
  displayNameEdited: boolean,
  current: ImportOptions,
): Pick<ImportOptions, "mode" | "projectSlug" | "displayName"> {
  const projectSlug =
    mode === "create"
      ? summary.project.slug
      : target.projects.some((p) => p.slug === summary.project.slug)
        ? summary.project.slug
        : "";
  return {
    mode,
    projectSlug,
    displayName: displayNameEdited ? current.displayName : defaultDisplayName(mode, projectSlug, summary, target),
  };
}

/** Into an existing project the target keeps its own name (two projects must not end up with the bundle's name); create takes the bundle's. */
export function defaultDisplayName(
  mode: ImportOptions["mode"],
  projectSlug: string | undefined,
  summary: BundleSummary,
  target: WizardTarget,
): string {
  const replaced = mode !== "create" ? target.projects.find((p) => p.slug === projectSlug) : undefined;
  return replaced?.displayName ?? summary.project.displayName;
}
