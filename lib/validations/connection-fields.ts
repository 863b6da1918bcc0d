import type { ConnectionType } from "@/generated/prisma/enums";

// What each connection type needs (SPEC §1, §10: stored and validated, never dialled). One table
// drives the zod schema, the form and the table summaries, so they cannot drift apart.

export const CONNECTION_TYPES = [
  "postgres",
  "snowflake",
  "bigquery",
  "databricks",
  "redshift",
  "mysql",
] as const satisfies readonly ConnectionType[];

export const CONNECTION_TYPE_LABELS: Record<ConnectionType, string> = {
  postgres: "PostgreSQL",
  snowflake: "Snowflake",
  bigquery: "BigQuery",
  databricks: "Databricks",
  redshift: "Redshift",
  mysql: "MySQL",
};

export type FieldKind = "host" | "port" | "identifier" | "gcpProject" | "path" | "text";

export interface ConnectionField {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  placeholder?: string;
}

const host = (placeholder: string): ConnectionField => ({
  key: "host",
  label: "Host",
  kind: "host",
  required: true,
  placeholder,
});
const port = (placeholder: string): ConnectionField => ({
  key: "port",
  label: "Port",
  kind: "port",
  required: true,
  placeholder,
});
const database: ConnectionField = { key: "database", label: "Database", kind: "text", required: true };
const user: ConnectionField = { key: "user", label: "User", kind: "text", required: false };

export const CONNECTION_FIELDS: Record<ConnectionType, ConnectionField[]> = {
  postgres: [host("db.example.com"), port("5432"), database, user],
  mysql: [host("mysql.example.com"), port("3306"), database, user],
  redshift: [host("cluster.abc123.eu-west-1.redshift.amazonaws.com"), port("5439"), database, user],
  snowflake: [
    { key: "account", label: "Account", kind: "identifier", required: true, placeholder: "acme-xy12345" },
    { key: "warehouse", label: "Warehouse", kind: "text", required: true },
    database,
    { key: "schema", label: "Schema", kind: "text", required: false },
    { key: "role", label: "Role", kind: "text", required: false },
    user,
  ],
  bigquery: [
    { key: "projectId", label: "GCP project ID", kind: "gcpProject", required: true, placeholder: "acme-events" },
    { key: "dataset", label: "Dataset", kind: "text", required: false },
    { key: "location", label: "Location", kind: "text", required: false, placeholder: "EU" },
  ],
  databricks: [
    host("adb-1234567890.12.azuredatabricks.net"),
    { key: "httpPath", label: "HTTP path", kind: "path", required: true, placeholder: "/sql/1.0/warehouses/abc123" },
    { key: "catalog", label: "Catalog", kind: "text", required: false },
    { key: "schema", label: "Schema", kind: "text", required: false },
  ],
};

/** The write-only secret of each type, and the key it is stored under in the secret object. */
export const CONNECTION_SECRETS: Record<ConnectionType, { key: string; label: string; multiline: boolean }> = {
  postgres: { key: "password", label: "Password", multiline: false },
  mysql: { key: "password", label: "Password", multiline: false },
  redshift: { key: "password", label: "Password", multiline: false },
  snowflake: { key: "password", label: "Password", multiline: false },
  bigquery: { key: "serviceAccountKey", label: "Service account key (JSON)", multiline: true },
  databricks: { key: "token", label: "Access token", multiline: false },
};

const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;

/** Why a config value is unacceptable, or null. `value` is already trimmed and non-empty. */
export function fieldProblem(field: ConnectionField, value: string): string | null {
  switch (field.kind) {
    case "host":
      if (/^[a-z]+:\/\//i.test(value)) return "Enter the host name only, without https:// (e.g. db.example.com).";
      if (
        value.length > 253 ||
        !(value.split(".").every((label) => HOST_LABEL.test(label)) || (value.includes(":") && IPV6.test(value)))
      ) {
        return "Enter a host name or IP address, without a port or path (e.g. db.example.com).";
      }
      return null;
    case "port": {
      if (!/^\d+$/.test(value)) return "The port is a whole number.";
      const number = Number(value);
      return number >= 1 && number <= 65535 ? null : "The port is between 1 and 65535.";
    }
    case "identifier":
      return /^[A-Za-z0-9_.-]+$/.test(value) ? null : "Use letters, digits, dots, dashes and underscores only.";
    case "gcpProject":
      return /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(value)
        ? null
        : "A GCP project ID has 6–30 lowercase letters, digits and dashes, starting with a letter.";
    case "path":
      return value.startsWith("/") && !/\s/.test(value)
        ? null
        : "The HTTP path starts with / and has no spaces (e.g. /sql/1.0/warehouses/abc123).";
    case "text":
      return null;
  }
}

/** A short line for tables: host:port/database, account/warehouse/database… */
export function describeConnectionConfig(type: ConnectionType, config: Record<string, unknown>): string {
  const value = (key: string) => (config[key] === undefined || config[key] === null ? "" : String(config[key]));
  switch (type) {
    case "postgres":
    case "mysql":
    case "redshift":
      return `${value("host")}:${value("port")}/${value("database")}`;
    case "snowflake":
      return [value("account"), value("warehouse"), value("database")].filter(Boolean).join(" · ");
    case "bigquery":
      return [value("projectId"), value("dataset")].filter(Boolean).join(".");
    case "databricks":
      return `${value("host")}${value("httpPath")}`;
  }
}
