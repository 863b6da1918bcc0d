import type { z } from "zod";
import type { Table } from "@/lib/database/tables";
import type { ErrorDetail } from "@/lib/errors";
import type { BundleCredentials } from "../credentials";
import { diffJson, type Change } from "./diff";
import type { SectionCount } from "@/lib/import/import-report";
import type { SectionReadContext, SectionTextContext, SectionWriteContext } from "./contexts";

// One bundle section as a unit (STYLE: "A section is a unit"): everything Ferry knows about it —
// its key and label, the export dialog's default, its zod schema, canonical order, how export
// reads it, how an item is identified and compared with the target's, how import writes it, what
// replace clears, its fault steps and its result counts. The registry (./index.ts) lists them.

export interface BundleSection<Key extends string = string, Schema extends z.ZodType = z.ZodType, Item = unknown> {
  key: Key;
  /** Shown in dialogs, summaries and results ("LLM configs"). */
  label: string;
  /** One line for the export dialog. */
  hint: string;
  /** Models are always in a bundle; every other section is optional. */
  optional: boolean;
  /** Checked by default in the export dialog (SPEC §2). */
  exportDefault: boolean;
  /** The section's value in a bundle (an array of items, or the agent object / null). */
  schema: Schema;
  /** The value's items (the agent: zero or one). */
  items(value: z.infer<Schema> | undefined): Item[];
  /** An item's natural key (SPEC §11): models by slug, settings by key, bindings by (user, model)… */
  keyOf(item: Item): string;
  /** What the natural key is called in messages ("connection name"), and how a key reads there. */
  keyName: string;
  showKey?(item: Item): string;
  /** Sections whose items carry a secret: the item's credentials. */
  credentialsOf?(item: Item): BundleCredentials;
  /** What is wrong with a decrypted secret for this item (its shape by connection type / provider), or null. */
  secretProblem?(item: Item, secret: Record<string, unknown>): string | null;
  /** Consistency inside one item that the schema cannot state (duplicates in nested lists). */
  checkItem?(item: Item, path: string): ErrorDetail[];
  /** The value with keys and arrays in canonical order. */
  canonical(value: z.infer<Schema>): z.infer<Schema>;
  /** What an item looks like to a reader of the plan: secrets as states, never tokens. */
  comparable?(item: Item): unknown;
  /** Export: reads the section of one project inside the export's snapshot transaction. */
  read?(ctx: SectionReadContext): Promise<z.infer<Schema>>;
  /**
   * Export, for a section that may be large (settings: up to 1,000,000 items): writes the
   * section's canonical text — its array as it stands in the bundle, from `[` to `]` — without
   * building its items. The bytes are those of `read` then `canonical`, which stay the reference.
   */
  exportText?(ctx: SectionTextContext, write: (chunk: Uint8Array) => Promise<void>): Promise<void>;
  /** Import: the section's writes on the import transaction. */
  write: {
    create(ctx: SectionWriteContext, items: Item[]): Promise<void>;
    update(ctx: SectionWriteContext, items: Item[]): Promise<void>;
    delete(ctx: SectionWriteContext, keys: string[]): Promise<void>;
  };
  /** Project tables a replace clears for this section (operational history is never cleared). */
  clears: readonly string[];
  /**
   * Typed declarations of tables only this section uses, when they live in its module (a new
   * section's own table): the bulk-path column test checks them against the database too.
   */
  tables?: readonly Table[];
  /** Sections whose writes must come first (ids they hand over). */
  writeAfter?: readonly string[];
  /** Fault-injection steps this section's writes pass through, in order. */
  faultSteps: readonly string[];
  /** Result counts (section key → created/updated/skipped) for the import summary. */
  count(ctx: SectionCountContext): Partial<Record<string, SectionCount>>;
}

export interface SectionCountContext {
  /** The plan's bundle value for this section (undefined when the bundle leaves it out). */
  value: unknown;
  /** Replace of a single model, or a whole project replace. */
  replacing: boolean;
  plan: Omit<import("@/lib/import/plan-import").ImportPlan, "report">;
  skippedBindings: number;
}

/** Field-level changes of one item against the target's item of the same natural key. */
export function diffItems<Item>(section: BundleSection<string, z.ZodType, Item>, before: Item, after: Item): Change[] {
  const view = (item: Item) => (section.comparable ? section.comparable(item) : item);
  return diffJson(view(before), view(after));
}

/** How a secret reads in a plan: its state, never its value. */
export function credentialView(credentials: BundleCredentials): string {
  return typeof credentials === "object" ? "secret" : credentials === "none" ? "pending" : "stripped";
}

export function defineSection<const Key extends string, Schema extends z.ZodType, Item>(
  section: BundleSection<Key, Schema, Item>,
): BundleSection<Key, Schema, Item> {
  return section;
}

/** Duplicate values in one list, as problems at their paths. */
export function duplicateProblems(values: readonly string[], path: string, what: string): ErrorDetail[] {
  const seen = new Set<string>();
  const problems: ErrorDetail[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) problems.push({ path: `${path}.${index}`, reason: `duplicate ${what} "${value}"` });
    seen.add(value);
  });
  return problems;
}
