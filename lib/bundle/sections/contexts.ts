import type { SecretObject } from "@/lib/bundle/bundle-crypto";
import type { bulkInsert, copyRows } from "@/lib/database/bulk-insert";
import type { PgClient } from "@/lib/database/pg-transaction";
import type { ImportPhase } from "@/lib/import/import-phase";
import type { ImportPlan } from "@/lib/import/plan-import";
import type { BundleCredentials } from "../credentials";

// What a section's export read and import writes are handed. Sections never open connections,
// transactions or keys themselves: the export and import orchestrators own those.

export interface SectionReadContext {
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  projectId: string;
  scope: "project" | "model";
  /** The models being exported (all of a project export; the chosen ones of a model export). */
  models: { id: string; connectionId: string | null }[];
  /** A stored (sealed) secret as the bundle carries it: "stripped", "none" or a Fernet token. */
  credentials(kind: "connection" | "llmConfig", sealed: string | null | undefined): BundleCredentials;
  /** Whether secrets are selected at all (SQL column added only then). */
  withSecrets: boolean;
}

/** What a section that writes its own export text is handed: the read context and binary COPY out. */
export interface SectionTextContext extends SectionReadContext {
  /** Runs `COPY (…) TO STDOUT (FORMAT binary)` in the export's transaction; its output. */
  copyOut(sql: string): Promise<Buffer>;
}

export interface SectionWriteContext {
  client: PgClient;
  tenantId: string;
  projectId: string;
  plan: ImportPlan;
  /** Natural key → row id, filled as sections write (connections and users before models, models before bindings). */
  ids: { connections: Map<string, string>; models: Map<string, string>; users: Map<string, string> };
  /** The secret of a bundle item (decrypted with the bundle key), or null when the bundle carries none. */
  secretOf(credentials: BundleCredentials, path: string): SecretObject | null;
  /** Seals a secret under the target tenant's data key. */
  seal(secret: SecretObject): string;
  progress(phase: ImportPhase, done?: number, total?: number): void;
  fault(step: string): void;
  /** The typed bulk writers (lib/database/bulk-insert), handed in so sections stay importable by the browser. */
  bulkInsert: typeof bulkInsert;
  copyRows: typeof copyRows;
  /** CLI --create-users: creates users without a usable password (e-mail → id) and tenant memberships. */
  insertUsers(users: { email: string }[]): Promise<Map<string, string>>;
  insertMemberships(userIds: string[]): Promise<void>;
}
