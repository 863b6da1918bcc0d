import { z } from "zod";
import type { ConnectionType } from "@/generated/prisma/enums";
import { CONNECTION_FIELDS, CONNECTION_SECRETS, CONNECTION_TYPES, fieldProblem } from "./connection-fields";
import { parseJsonObjectText } from "./json";
import { nameSchema } from "./slug";

// Create and edit a tenant connection. The form sends text (config fields, extra options as a
// JSON object, the secret); the server parses the same schema into the stored shape. A blank
// secret keeps the stored one; `clearSecret` removes it (status PENDING_CREDENTIALS).

export const connectionInputSchema = z
  .object({
    name: nameSchema,
    type: z.enum(CONNECTION_TYPES, { error: "Choose a connection type." }),
    config: z.record(z.string().max(100), z.string().max(1000, "At most 1,000 characters.").optional()),
    options: z.string().max(20_000, "At most 20,000 characters."),
    secret: z.string().max(50_000, "At most 50,000 characters."),
    clearSecret: z.boolean(),
  })
  .superRefine((input, ctx) => {
    const fields = CONNECTION_FIELDS[input.type] ?? [];
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    for (const field of fields) {
      const value = (input.config?.[field.key] ?? "").trim();
      const problem = value ? fieldProblem(field, value) : field.required ? `${field.label} is required.` : null;
      if (problem) issue(["config", field.key], problem);
    }
    if (typeof input.options === "string" && input.options.trim()) {
      const options = parseJsonObjectText(input.options);
      if (!options.ok) issue(["options"], options.reason);
      else {
        const clash = fields.find((field) => field.key in options.value);
        if (clash) issue(["options"], `Set "${clash.key}" in its own field above.`);
      }
    }
    if (typeof input.secret !== "string" || !input.type) return;
    if (input.clearSecret && input.secret.trim())
      issue(["secret"], "Enter a new secret or clear the stored one, not both.");
    if (input.type === "bigquery" && input.secret.trim()) {
      const key = parseJsonObjectText(input.secret);
      if (!key.ok) issue(["secret"], `The service account key must be the JSON file's content. ${key.reason}`);
    }
  })
  .transform((input) => ({
    name: input.name,
    type: input.type,
    config: buildConfig(input.type, input.config, input.options),
    /** null keeps the stored secret (or stores none on create). */
    secret: input.secret.trim() ? secretValue(input.type, input.secret) : null,
    clearSecret: input.clearSecret,
  }));

export type ConnectionFormValues = z.input<typeof connectionInputSchema>;
export type ConnectionInput = z.output<typeof connectionInputSchema>;

function buildConfig(
  type: ConnectionType,
  fields: Record<string, string | undefined>,
  options: string,
): Record<string, unknown> {
  const extra = options.trim() ? parseJsonObjectText(options) : null;
  const config: Record<string, unknown> = extra?.ok ? { ...extra.value } : {};
  for (const field of CONNECTION_FIELDS[type]) {
    const value = (fields[field.key] ?? "").trim();
    if (value) config[field.key] = field.kind === "port" ? Number(value) : value;
  }
  return config;
}

function secretValue(type: ConnectionType, text: string): Record<string, unknown> {
  const spec = CONNECTION_SECRETS[type];
  if (type !== "bigquery") return { [spec.key]: text };
  const key = parseJsonObjectText(text);
  return { [spec.key]: key.ok ? key.value : {} };
}

/** Form values for a new connection, or for editing a stored one (config back to text). */
export function connectionFormDefaults(existing?: {
  name: string;
  type: ConnectionType;
  config: Record<string, unknown>;
}): ConnectionFormValues {
  const type = existing?.type ?? "postgres";
  if (!existing)
    return { name: "", type, config: newConnectionConfig(type), options: "", secret: "", clearSecret: false };
  const config: Record<string, string> = {};
  const extra: Record<string, unknown> = { ...existing.config };
  for (const field of CONNECTION_FIELDS[type]) {
    const value = extra[field.key];
    delete extra[field.key];
    config[field.key] =
      value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
  }
  return {
    name: existing.name,
    type,
    config,
    options: Object.keys(extra).length > 0 ? JSON.stringify(extra, null, 2) : "",
    secret: "",
    clearSecret: false,
  };
}

/** Blank fields for a type, with its usual port filled in. */
export function newConnectionConfig(type: ConnectionType): Record<string, string> {
  return Object.fromEntries(
    CONNECTION_FIELDS[type].map((field) => [field.key, field.kind === "port" ? (field.placeholder ?? "") : ""]),
  );
}
