import type { z } from "zod";
import { GENERIC_SECTIONS, type SectionKey } from "@/lib/bundle/sections";
import { diffJson, type Change } from "@/lib/bundle/sections/diff";
import { canonicalModel, type BundleModel, type BundleVersion } from "@/lib/bundle/sections/models";
import type { BundleCredentials } from "@/lib/bundle/credentials";
import { compareKeys, sortKeysDeep } from "@/lib/bundle/json-order";
import { RawJson } from "@/lib/bundle/raw-json";
import type { Bundle } from "@/lib/bundle/schema";
import type { planItemSchema } from "@/lib/validations/import-result";
import type { ImportMode } from "./import-options";
import type { PlanAction } from "./plan-actions";
import { selectionKey } from "./select-items";

// What an import will change, item by item (SPEC §11): the pure comparison of the planned bundle
// (renames and connection mapping applied) with what the target project holds now. It decides
// the action of every item — create, update, delete, unchanged, skip, unlink, link, keep — with
// the changed JSON paths of each update (secrets only as states), and, for merge and
// skip-existing, exactly which items the writer touches. No I/O here.

export { PLAN_ACTIONS, type PlanAction } from "./plan-actions";

/** How many changed paths one item lists; the rest are counted (`more`). */
export const CHANGES_PER_ITEM = 50;

/** One item's action in a plan (the API's shape: lib/validations/import-result.ts). */
export type PlanItem = z.infer<typeof planItemSchema>;

export interface PlanSection {
  key: SectionKey;
  label: string;
  counts: Partial<Record<PlanAction, number>>;
  items: PlanItem[];
  /** An applied import's stored result: items not listed (see `listedItems`). */
  omitted?: number;
}

/** Items an applied import's result lists per section; a plan (dry run) lists them all. */
export const RESULT_ITEMS = 10_000;

const FIRST_LISTED: ReadonlySet<PlanAction> = new Set(["delete", "unlink", "update", "link"]);

/**
 * A section as an applied import's result lists it: at most `limit` items, deletions, unlinks,
 * updates and links before the rest, in the plan's order; the others counted in `omitted`. A
 * million created settings are not a result anyone reads, nor one to store and send.
 */
export function listedItems(section: PlanSection, limit = RESULT_ITEMS): PlanSection {
  if (section.items.length <= limit) return section;
  const first = section.items.filter((item) => FIRST_LISTED.has(item.action)).slice(0, limit);
  const chosen = new Set(first);
  for (const item of section.items) {
    if (chosen.size >= limit) break;
    chosen.add(item);
  }
  return { ...section, items: section.items.filter((item) => chosen.has(item)), omitted: section.items.length - limit };
}

/** What the target project holds now (read in the import's transaction), secrets as states only. */
export interface TargetContent {
  project: { displayName: string; active: boolean };
  /** Names of the tenant connections linked to the project or used by its models. */
  connections: string[];
  /**
   * Each section's value as export reads it; credentials are "secret" objects or "none". The
   * import reads models' versions without their snapshots (`snapshot` absent): those are compared
   * in the database, and `differingSnapshots` names the versions whose snapshot differs.
   */
  sections: Partial<Record<SectionKey, unknown>>;
  /** "slug#number" of versions on both sides whose snapshots differ (when snapshots were not read). */
  differingSnapshots?: ReadonlySet<string>;
}

/** What merge and skip-existing write, per section: the items to create and the items to update. */
export type ItemWrites = Partial<Record<SectionKey, { create: unknown[]; update: unknown[] }>>;

export interface PlanChanges {
  project: PlanItem;
  sections: PlanSection[];
  writes: ItemWrites;
  /** Whether applying would change anything at all. */
  changes: boolean;
}

export interface ChangeInput {
  mode: ImportMode;
  scope: Bundle["scope"];
  /** The planned bundle (selection, renames and mapping applied). */
  bundle: Bundle;
  project: { displayName: string; active: boolean };
  /** null: a new project (create mode). */
  target: TargetContent | null;
  connections: {
    exportedName: string;
    targetName: string;
    action: "create" | "map" | "pending";
    writesSecret: boolean;
  }[];
  implicitConnections: string[];
  /** Bindings the planner writes, and the ones it skips (not members of the tenant). */
  bindings: { email: string; role: string; model: string | null }[];
  skippedBindings: { email: string; reason: string }[];
  /**
   * Two bundles compared (a diff, not an import): connections item by item like any section, and
   * a model's deployed version as a field (an import always undeploys what it writes).
   */
  bundles?: boolean;
}

const SECRET_STATES = { secret: "secret", pending: "pending" } as const;

export function planChanges(input: ChangeInput): PlanChanges {
  const { mode, target } = input;
  const sections: PlanSection[] = [];
  const writes: ItemWrites = {};
  const project = planProjectRow(input);
  if (!input.bundles) sections.push(planConnectionRows(input));
  for (const section of GENERIC_SECTIONS) {
    if (section.key === "connections" && !input.bundles) continue;
    const key = section.key;
    const inBundle = key === "accessBindings" ? bindingItems(input) : section.items(input.bundle[key] as never);
    const present = input.bundle[key as keyof Bundle] !== undefined;
    const before = new Map<string, unknown>();
    if (target)
      for (const item of section.items(target.sections[key] as never)) before.set(selectionKey(key, item), item);
    const items: PlanItem[] = [];
    const create: unknown[] = [];
    const update: unknown[] = [];
    for (const item of inBundle) {
      const itemKey = selectionKey(key, item);
      const old = before.get(itemKey);
      before.delete(itemKey);
      if (old === undefined) {
        items.push({ key: itemKey, action: "create", ...createNote(key, item) });
        create.push(item);
        continue;
      }
      if (mode === "skip-existing" || (mode === "create" && input.scope === "model")) {
        items.push({ key: itemKey, action: "skip", note: "exists in the target: left as it is" });
        continue;
      }
      const compared =
        key === "models"
          ? compareModels(
              old as BundleModel,
              item as BundleModel,
              mode,
              input.bundles === true,
              target?.differingSnapshots,
            )
          : compareItems(key, old, item, mode);
      if (compared.changes.length === 0) {
        const conflicts = compared.versions?.conflict ?? [];
        items.push({
          key: itemKey,
          action: "unchanged",
          ...(conflicts.length > 0 ? { versions: compared.versions, note: conflictNote(conflicts) } : {}),
        });
        continue;
      }
      const listed = compared.changes.slice(0, CHANGES_PER_ITEM);
      items.push({
        key: itemKey,
        action: "update",
        changes: listed,
        ...(compared.changes.length > listed.length ? { more: compared.changes.length - listed.length } : {}),
        ...(compared.versions ? { versions: compared.versions } : {}),
        ...(mode === "merge" && compared.versions?.conflict.length
          ? { note: conflictNote(compared.versions.conflict) }
          : {}),
      });
      update.push(compared.write ?? item);
    }
    if (key === "accessBindings")
      for (const skipped of input.skippedBindings)
        items.push({ key: skipped.email, action: "skip", note: skipped.reason });
    // Items only the target has: a project replace deletes them (a section the bundle leaves out
    // too); merge and skip-existing keep them; a model import leaves the project's other models alone.
    if (input.scope === "project") {
      const replacing = mode === "replace";
      if (replacing || present)
        for (const itemKey of before.keys()) items.push({ key: itemKey, action: replacing ? "delete" : "keep" });
    }
    if (items.length === 0 && !present) continue;
    items.sort((a, b) => compareKeys(a.key, b.key));
    sections.push({ key, label: section.label, counts: countActions(items), items });
    writes[key] = { create, update };
  }
  const changes =
    project.action !== "unchanged" ||
    sections.some((s) => s.items.some((i) => !["unchanged", "skip", "keep"].includes(i.action)));
  return { project, sections, writes, changes };
}

function planProjectRow(input: ChangeInput): PlanItem {
  const { target, project } = input;
  if (!target) return { key: "project", action: "create" };
  if (input.scope === "model") return { key: "project", action: "unchanged" };
  const changes = diffJson(target.project, project);
  return changes.length > 0 ? { key: "project", action: "update", changes } : { key: "project", action: "unchanged" };
}

function planConnectionRows(input: ChangeInput): PlanSection {
  const linked = new Set(input.target?.connections ?? []);
  const items: PlanItem[] = [];
  const used = new Set<string>();
  for (const c of input.connections) {
    used.add(c.targetName);
    const renamed = c.targetName !== c.exportedName ? ` as "${c.targetName}"` : "";
    if (c.action !== "map") {
      items.push({
        key: c.exportedName,
        action: "create",
        note: c.action === "pending" ? `created${renamed}, pending credentials` : `created${renamed}`,
      });
    } else if (c.writesSecret) {
      items.push({
        key: c.exportedName,
        action: "update",
        changes: [{ path: "credentials", before: "secret", after: "secret replaced" }],
        note: `mapped onto "${c.targetName}"`,
      });
    } else {
      items.push({
        key: c.exportedName,
        action: linked.has(c.targetName) ? "unchanged" : "link",
        note: `mapped onto "${c.targetName}"`,
      });
    }
  }
  for (const name of input.implicitConnections) {
    used.add(name);
    items.push({ key: name, action: linked.has(name) ? "unchanged" : "link", note: "matched by name" });
  }
  if (input.scope === "project")
    for (const name of linked)
      if (!used.has(name))
        items.push({
          key: name,
          action: input.mode === "replace" ? "unlink" : "keep",
          ...(input.mode === "replace" ? { note: "unlinked from the project (the tenant keeps it)" } : {}),
        });
  items.sort((a, b) => compareKeys(a.key, b.key));
  return { key: "connections", label: "Connections", counts: countActions(items), items };
}

function bindingItems(input: ChangeInput): unknown[] {
  if (input.bundle.accessBindings === undefined) return [];
  return input.bindings.map((b) => ({ user: b.email, role: b.role, model: b.model }));
}

function createNote(key: SectionKey, item: unknown): Pick<PlanItem, "note"> {
  const credentials = (item as { credentials?: BundleCredentials }).credentials;
  if (key === "llmConfigs" && credentials !== undefined && typeof credentials !== "object")
    return { note: "pending credentials" };
  return {};
}

interface Compared {
  changes: Change[];
  versions?: PlanItem["versions"];
  /** What the writer writes instead of the bundle's item (merge: the model with both histories). */
  write?: unknown;
}

/** A target item against the bundle's, through the section's comparable view; secrets as states. */
function compareItems(key: SectionKey, before: unknown, after: unknown, mode: ImportMode): Compared {
  const section = GENERIC_SECTIONS.find((s) => s.key === key)!;
  if (!section.credentialsOf) return { changes: diffJson(view(key, before), view(key, after)) };
  const { credentials: was, ...restBefore } = before as { credentials: BundleCredentials };
  const { credentials: now, ...restAfter } = after as { credentials: BundleCredentials };
  const changes = diffJson(sortKeysDeep(restBefore), sortKeysDeep(restAfter));
  const had = typeof was === "object" ? SECRET_STATES.secret : SECRET_STATES.pending;
  if (typeof now === "object") changes.push({ path: "credentials", before: had, after: "secret replaced" });
  else if (mode === "replace" && had === "secret") changes.push({ path: "credentials", before: had, after: "pending" });
  return { changes };
}

function view(key: SectionKey, item: unknown): unknown {
  const section = GENERIC_SECTIONS.find((s) => s.key === key)!;
  return sortKeysDeep(section.comparable ? section.comparable(item) : item);
}

const versionText = (snapshot: BundleVersion["snapshot"]) =>
  JSON.stringify(sortKeysDeep(snapshot instanceof RawJson ? snapshot.value() : snapshot));

/** Same version: same metadata and same snapshot (compared here, or by the database beforehand). */
function sameVersion(slug: string, a: BundleVersion, b: BundleVersion, differing?: ReadonlySet<string>): boolean {
  if (a.message !== b.message || a.author !== b.author || Date.parse(a.createdAt) !== Date.parse(b.createdAt))
    return false;
  if (a.snapshot === undefined) return !differing?.has(`${slug}#${a.number}`);
  return versionText(a.snapshot) === versionText(b.snapshot);
}

/**
 * A model: its fields and draft at JSON-path level, its history by version number (SPEC §11:
 * versions the target lacks are appended; a differing version under the same number is a
 * conflict that only replace resolves — merge keeps the target's). Writing a model undeploys it.
 */
function compareModels(
  before: BundleModel,
  after: BundleModel,
  mode: ImportMode,
  bundles: boolean,
  differing?: ReadonlySet<string>,
): Compared {
  const body = (m: BundleModel) => {
    const { versions: _v, deployedVersion, ...rest } = canonicalModel({ ...m, versions: [] });
    return bundles ? { ...rest, deployedVersion } : rest;
  };
  const changes = diffJson(body(before), body(after));
  const old = new Map(before.versions.map((v) => [v.number, v]));
  const append: number[] = [];
  const conflict: number[] = [];
  for (const version of after.versions) {
    const had = old.get(version.number);
    if (!had) append.push(version.number);
    else if (!sameVersion(after.slug, had, version, differing)) conflict.push(version.number);
    old.delete(version.number);
  }
  const remove = mode === "replace" ? [...old.keys()] : [];
  const historyChanges = mode === "replace" ? append.length + conflict.length + remove.length : append.length;
  for (const n of append) changes.push({ path: `versions.${n}`, after: "appended" });
  if (mode === "replace") {
    for (const n of conflict)
      changes.push({ path: `versions.${n}`, before: "target's version", after: "bundle's version" });
    for (const n of remove) changes.push({ path: `versions.${n}`, before: "kept in the target", after: "removed" });
  }
  // Replace rewrites every model; merge rewrites the models it updates: either leaves them undeployed.
  const rewritten = changes.length > 0 || mode === "replace";
  if (rewritten && before.deployedVersion !== null && !bundles)
    changes.push({ path: "deployedVersion", before: before.deployedVersion, after: null });
  const versions = append.length + conflict.length + remove.length > 0 ? { append, remove, conflict } : undefined;
  if (changes.length === 0 && historyChanges === 0) return { changes: [], ...(versions ? { versions } : {}) };
  // Merge writes the model with only the versions to append (the writer keeps the target's history).
  const write =
    mode === "merge" ? { ...after, versions: after.versions.filter((v) => append.includes(v.number)) } : after;
  return { changes, ...(versions ? { versions } : {}), write };
}

/** Merge keeps the target's version where both have one under the same number and they differ. */
export function conflictNote(numbers: number[]): string {
  const list = numbers.map((n) => `v${n}`).join(", ");
  return `${list} ${numbers.length > 1 ? "differ" : "differs"} from the target's: the target's is kept (replace takes the bundle's)`;
}

function countActions(items: PlanItem[]): Partial<Record<PlanAction, number>> {
  const counts: Partial<Record<PlanAction, number>> = {};
  for (const item of items) counts[item.action] = (counts[item.action] ?? 0) + 1;
  return counts;
}
