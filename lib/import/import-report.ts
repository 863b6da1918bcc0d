import type { z } from "zod";
import { GENERIC_SECTIONS, SECTIONS, sectionOf } from "@/lib/bundle/sections";
import type { importWarningSchema, requiredActionSchema, sectionCountSchema } from "@/lib/validations/import-result";
import type { ImportPlan, ImportTarget } from "./plan-import";
import { PLAN_ACTIONS } from "./plan-changes";

// What an import tells its user: counts per section, warnings, and the checklist of what to do
// next (deploy, refresh, enter credentials, re-test the agent), each with a link.

// The shapes are the API's (lib/validations/import-result.ts): one list of warning codes and
// required-action kinds for the report, the API and its OpenAPI document.
export type SectionCount = z.infer<typeof sectionCountSchema>;
export type ImportWarning = z.infer<typeof importWarningSchema>;
export type RequiredAction = z.infer<typeof requiredActionSchema>;

export interface ImportReport {
  summary: Record<string, SectionCount>;
  warnings: ImportWarning[];
  requiredActions: RequiredAction[];
}

const count = (created = 0, updated = 0, skipped = 0): SectionCount => ({ created, updated, skipped });

export function buildImportReport(
  plan: Omit<ImportPlan, "report">,
  target: ImportTarget,
  skippedBindings: { email: string; reason: string }[],
): ImportReport {
  const { bundle } = plan;
  const base = `/t/${target.tenantSlug}/p/${plan.project.slug}`;
  const replacing = plan.mode === "replace";
  const models = bundle.models;

  const summary: Record<string, SectionCount> = {
    project: plan.scope === "model" ? count(0, 0, 0) : replacing ? count(0, 1) : count(1),
  };
  // Models first (the headline), then every other section in the registry's order.
  for (const section of [sectionOf("models"), ...SECTIONS.filter((s) => s.key !== "models")]) {
    const counts = section.count({
      value: bundle[section.key],
      replacing,
      plan,
      skippedBindings: skippedBindings.length,
    });
    for (const [key, value] of Object.entries(counts)) if (value) summary[key] = value;
  }
  if (plan.mode === "merge" || plan.mode === "skip-existing") {
    // Item by item: what was created, updated, and left as it was (unchanged, skipped, kept).
    for (const section of plan.changes.sections) {
      if (section.key === "connections") continue;
      const n = (action: (typeof PLAN_ACTIONS)[number]) => section.counts[action] ?? 0;
      summary[section.key] = count(n("create"), n("update"), n("unchanged") + n("skip") + n("keep"));
    }
    const appended = plan.changes.sections
      .find((s) => s.key === "models")
      ?.items.reduce((sum, item) => sum + (item.action === "create" ? 0 : (item.versions?.append.length ?? 0)), 0);
    const createdVersions = models
      .filter((m) => plan.changes.writes.models?.create.includes(m))
      .reduce((sum, m) => sum + m.versions.length, 0);
    summary.versions = count(createdVersions + (appended ?? 0));
    summary.project =
      plan.scope === "model"
        ? count(0, 0, 0)
        : count(0, plan.changes.project.action === "update" ? 1 : 0, plan.changes.project.action === "update" ? 0 : 1);
  }

  const warnings: ImportWarning[] = [];
  for (const [from, to] of Object.entries(plan.renames)) {
    warnings.push({
      code: "MODEL_RENAMED",
      message: `Model "${from}" was imported as "${to}"; every reference to it was rewritten.`,
      path: `models.${from}`,
    });
  }
  for (const slug of plan.keptModels) {
    warnings.push({
      code: "MODEL_KEPT",
      message: `Project "${plan.project.slug}" already has model "${slug}", which the imported model joins to: it was kept as it is (import in replace mode to update it too).`,
      path: `models.${slug}`,
    });
  }
  for (const item of plan.changes.sections.find((s) => s.key === "models")?.items ?? []) {
    if (plan.mode === "merge" && item.versions && item.versions.conflict.length > 0)
      warnings.push({
        code: "VERSION_CONFLICT",
        message: `Model "${item.key}": ${item.note}.`,
        path: `models.${item.key}.versions`,
      });
  }
  const skippedByEmail = new Map<string, { reason: string; count: number }>();
  for (const skipped of skippedBindings)
    skippedByEmail.set(skipped.email, {
      reason: skipped.reason,
      count: (skippedByEmail.get(skipped.email)?.count ?? 0) + 1,
    });
  for (const [email, { reason, count }] of skippedByEmail) {
    warnings.push({
      code: "ACCESS_BINDING_SKIPPED",
      message: `${count === 1 ? "Access binding" : `${count} access bindings`} for ${email} skipped: ${reason}.`,
      path: `accessBindings.${email}`,
    });
  }
  for (const email of plan.usersToCreate) {
    warnings.push({
      code: "USER_CREATED",
      message: `User ${email} was created without a usable password; set one before they sign in.`,
    });
  }
  for (const c of plan.connections.filter((c) => c.action === "map" && c.sharedWith.length > 0)) {
    warnings.push({
      code: c.writesSecret ? "SHARED_CONNECTION_UPDATED" : "SHARED_CONNECTION_MAPPED",
      message: c.writesSecret
        ? `The credentials of connection "${c.targetName}" were replaced; it is also used by ${projectList(c.sharedWith)}.`
        : `Connection "${c.exportedName}" was mapped onto "${c.targetName}", which is also used by ${projectList(c.sharedWith)}.`,
      path: `connections.${c.exportedName}`,
    });
  }
  if (plan.implicitConnections.length > 0) {
    // The bundle carries no connections section: nothing says what the source's connections were.
    const types = new Map(target.connections.map((c) => [c.name, c.type]));
    const named = plan.implicitConnections.map((name) => `"${name}" (${types.get(name) ?? "?"})`);
    warnings.push({
      code: "CONNECTIONS_MATCHED_BY_NAME",
      message: `The bundle carries no connections, so its models use this tenant's connection${named.length > 1 ? "s" : ""} of the same name: ${named.join(", ")}. Their type and settings were not checked against the source: review them.`,
      path: "connections",
    });
    summary.connections = { created: 0, updated: 0, skipped: 0, linked: plan.implicitConnections.length };
  }
  const removedBindings = target.project?.accessBindings ?? 0;
  if (plan.scope === "project" && replacing && !bundle.accessBindings && removedBindings > 0) {
    warnings.push({
      code: "ACCESS_BINDINGS_REMOVED",
      message: `The bundle has no access bindings, so the project's ${removedBindings} access binding${removedBindings > 1 ? "s were" : " was"} removed: only tenant admins can open it until access is granted again.`,
    });
  }
  const stripped = GENERIC_SECTIONS.flatMap((s) =>
    s.items(bundle[s.key]).map((item) => s.credentialsOf?.(item)),
  ).filter((credentials) => credentials === "stripped").length;
  if (stripped > 0 && !bundle.encryption) {
    warnings.push({
      code: "CREDENTIALS_NOT_INCLUDED",
      message: `The bundle carries no credentials (${stripped} secret${stripped > 1 ? "s were" : " was"} stripped at export).`,
    });
  }

  const requiredActions: RequiredAction[] = [];
  for (const model of models) {
    const live = model.deployedVersion ? ` (v${model.deployedVersion} was live in the source)` : "";
    requiredActions.push({
      kind: "deploy-model",
      message: `Deploy model "${model.slug}"${live}.`,
      href: `${base}/m/${model.slug}`,
      subject: model.deployedVersion ? { model: model.slug, version: model.deployedVersion } : { model: model.slug },
    });
  }
  if (models.some((m) => m.aggregates.length + m.pockets.length > 0)) {
    requiredActions.push({
      kind: "refresh",
      message: "Refresh aggregates and pockets: they were reset to pending/stale.",
      href: base,
    });
  }
  for (const c of plan.connections.filter((c) => c.action === "pending")) {
    requiredActions.push({
      kind: "enter-credentials",
      message: `Enter credentials for connection "${c.targetName}" (pending).`,
      href: `/t/${target.tenantSlug}/connections`,
      subject: { connection: c.targetName },
    });
  }
  for (const l of plan.llmConfigs.filter((l) => !l.active)) {
    requiredActions.push({
      kind: "enter-credentials",
      message: `Enter the API key of LLM config "${l.name}" (pending).`,
      href: `${base}/llm`,
      subject: { llmConfig: l.name },
    });
  }
  if (bundle.agent)
    requiredActions.push({
      kind: "retest-agent",
      message: "Re-test the agent against the imported models.",
      href: `${base}/agent`,
    });
  return { summary, warnings, requiredActions };
}

function projectList(slugs: string[]): string {
  return `${slugs.length === 1 ? "project" : "projects"} ${slugs.join(", ")}`;
}
