import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { AggregateStatus, PocketStatus } from "@/generated/prisma/enums";
import {
  addMembership,
  bindAccess,
  createConnection,
  createLlmConfig,
  createTenant,
  createUser,
  linkConnection,
} from "./factories";
import { snapshotFor, type Join, type Measure } from "./semantic-model";

export const DEMO_PASSWORD = "ferry-demo-pass";

export const DEMO_LOGINS = [
  { email: "root@ferry.test", role: "system admin" },
  { email: "admin@acme.test", role: "tenant admin of acme" },
  { email: "lead@acme.test", role: "project ADMIN of acme/sales-analytics" },
  { email: "analyst@acme.test", role: "VIEWER of acme/sales-analytics" },
  { email: "admin@globex.test", role: "tenant admin of globex" },
] as const;

/** Known demo secrets: tests grep every response, page and stripped bundle for them. */
export const DEMO_SECRETS = {
  warehousePg: "pg-Secr3t-acme-warehouse",
  snowflake: "sf-Secr3t-acme-prod",
  bigqueryKey: "bq-Secr3t-private-key",
  openai: "sk-demo-Secr3t-openai",
  anthropic: "sk-ant-demo-Secr3t",
  globexPg: "pg-Secr3t-globex",
  globexMysql: "my-Secr3t-globex",
} as const;

interface ModelSpec {
  slug: string;
  name: string;
  table: string;
  connection: string;
  dimensions: string[];
  measures: [string, Measure["type"], string][];
  joins?: Join[];
  versions: number;
  deployed: number | null;
  aggregates: [string, AggregateStatus][];
  pockets: [string, PocketStatus][];
}

const SALES_MODELS: ModelSpec[] = [
  {
    slug: "orders",
    name: "Orders",
    table: "sales.orders",
    connection: "warehouse-pg",
    dimensions: ["order_id", "customer_id", "status", "channel", "ordered_at"],
    measures: [
      ["order_count", "count", "order_id"],
      ["revenue", "sum", "amount"],
      ["avg_order_value", "avg", "amount"],
      ["max_order", "max", "amount"],
    ],
    joins: [{ model: "customers", relationship: "many_to_one", on: "${TABLE}.customer_id = ${customers}.customer_id" }],
    versions: 4,
    deployed: 3,
    aggregates: [
      ["daily_revenue", "READY"],
      ["revenue_by_channel", "FAILED"],
    ],
    pockets: [["recent_orders", "FRESH"]],
  },
  {
    slug: "customers",
    name: "Customers",
    table: "sales.customers",
    connection: "warehouse-pg",
    dimensions: ["customer_id", "segment", "country", "signed_up_at"],
    measures: [
      ["customer_count", "count_distinct", "customer_id"],
      ["lifetime_value", "sum", "ltv"],
      ["avg_ltv", "avg", "ltv"],
    ],
    versions: 3,
    deployed: 3,
    aggregates: [["customers_by_segment", "READY"]],
    pockets: [["top_customers", "STALE"]],
  },
  {
    slug: "products",
    name: "Products",
    table: "sales.products",
    connection: "snowflake-prod",
    dimensions: ["sku", "category", "brand", "launched_at"],
    measures: [
      ["product_count", "count", "sku"],
      ["avg_price", "avg", "list_price"],
      ["min_price", "min", "list_price"],
    ],
    versions: 3,
    deployed: 2,
    aggregates: [["products_by_category", "BUILDING"]],
    pockets: [],
  },
  {
    slug: "order-items",
    name: "Order items",
    table: "sales.order_items",
    connection: "snowflake-prod",
    dimensions: ["order_id", "sku", "quantity_count", "shipped_at"],
    measures: [
      ["units", "sum", "quantity"],
      ["gross_sales", "sum", "line_total"],
      ["discounts", "sum", "discount"],
    ],
    joins: [
      { model: "orders", relationship: "many_to_one", on: "${TABLE}.order_id = ${orders}.order_id" },
      { model: "products", relationship: "many_to_one", on: "${TABLE}.sku = ${products}.sku" },
    ],
    versions: 3,
    deployed: null,
    aggregates: [["units_by_day", "PENDING"]],
    pockets: [["hot_skus", "FRESH"]],
  },
  {
    slug: "returns",
    name: "Returns",
    table: "sales.returns",
    connection: "warehouse-pg",
    dimensions: ["return_id", "order_id", "reason", "returned_at"],
    measures: [
      ["return_count", "count", "return_id"],
      ["refunded", "sum", "refund_amount"],
      ["avg_refund", "avg", "refund_amount"],
    ],
    joins: [{ model: "orders", relationship: "many_to_one", on: "${TABLE}.order_id = ${orders}.order_id" }],
    versions: 3,
    deployed: 1,
    aggregates: [],
    pockets: [["open_returns", "STALE"]],
  },
  {
    slug: "web-sessions",
    name: "Web sessions",
    table: "events.sessions",
    connection: "bq-events",
    dimensions: ["session_id", "customer_id", "device", "landing_page", "started_at"],
    measures: [
      ["sessions", "count", "session_id"],
      ["visitors", "count_distinct", "visitor_id"],
      ["avg_duration", "avg", "duration_s"],
    ],
    joins: [{ model: "customers", relationship: "many_to_one", on: "${TABLE}.customer_id = ${customers}.customer_id" }],
    versions: 5,
    deployed: 4,
    aggregates: [["sessions_by_device", "READY"]],
    pockets: [],
  },
];

/** Seeds SPEC §9 demo data. Returns false (and writes nothing) when the database has tenants. */
export async function seedDemoData(db: PrismaClient): Promise<boolean> {
  if ((await db.tenant.count()) > 0) return false;
  const password = DEMO_PASSWORD;
  const acme = await createTenant(db, { slug: "acme", name: "Acme Corp" });
  const globex = await createTenant(db, { slug: "globex", name: "Globex Inc" });

  await createUser(db, { email: "root@ferry.test", name: "Rita Root", password, isSystemAdmin: true });
  const acmeAdmin = await createUser(db, { email: "admin@acme.test", name: "Ada Admin", password });
  const lead = await createUser(db, { email: "lead@acme.test", name: "Leo Lead", password });
  const analyst = await createUser(db, { email: "analyst@acme.test", name: "Ana Analyst", password });
  const globexAdmin = await createUser(db, { email: "admin@globex.test", name: "Gus Globex", password });
  await addMembership(db, { tenantId: acme.id, userId: acmeAdmin.id, role: "TENANT_ADMIN" });
  await addMembership(db, { tenantId: acme.id, userId: lead.id, role: "MEMBER" });
  await addMembership(db, { tenantId: acme.id, userId: analyst.id, role: "MEMBER" });
  await addMembership(db, { tenantId: globex.id, userId: globexAdmin.id, role: "TENANT_ADMIN" });

  const connections = {
    "warehouse-pg": await createConnection(db, {
      tenantId: acme.id,
      name: "warehouse-pg",
      type: "postgres",
      config: {
        host: "warehouse.acme.internal",
        port: 5432,
        database: "analytics",
        user: "ferry_reader",
        sslmode: "require",
      },
      secret: { password: DEMO_SECRETS.warehousePg },
    }),
    "snowflake-prod": await createConnection(db, {
      tenantId: acme.id,
      name: "snowflake-prod",
      type: "snowflake",
      config: {
        account: "acme-xy12345",
        warehouse: "ANALYTICS_WH",
        database: "PROD",
        schema: "SALES",
        role: "REPORTER",
        user: "FERRY",
      },
      secret: { password: DEMO_SECRETS.snowflake },
    }),
    "bq-events": await createConnection(db, {
      tenantId: acme.id,
      name: "bq-events",
      type: "bigquery",
      config: { projectId: "acme-events", dataset: "web", location: "EU" },
      secret: {
        serviceAccountKey: {
          type: "service_account",
          client_email: "ferry@acme-events.iam.gserviceaccount.com",
          private_key: DEMO_SECRETS.bigqueryKey,
        },
      },
    }),
  };
  // An acme connection no project uses yet (shows up as unused on the Connections page).
  await createConnection(db, {
    tenantId: acme.id,
    name: "mysql-legacy",
    type: "mysql",
    config: { host: "legacy.acme.internal", port: 3306, database: "shop" },
  });

  const sales = await db.project.create({
    data: { tenantId: acme.id, slug: "sales-analytics", displayName: "Sales Analytics" },
  });
  for (const connection of Object.values(connections))
    await linkConnection(db, { projectId: sales.id, connectionId: connection.id });
  const modelIds = await createModels(
    db,
    sales.id,
    SALES_MODELS,
    Object.fromEntries(Object.entries(connections).map(([name, c]) => [name, c.id])),
  );

  await createLlmConfig(db, {
    tenantId: acme.id,
    projectId: sales.id,
    name: "primary",
    provider: "openai",
    model: "gpt-4.1",
    params: { temperature: 0.2, maxTokens: 2048 },
    apiKey: DEMO_SECRETS.openai,
  });
  await createLlmConfig(db, {
    tenantId: acme.id,
    projectId: sales.id,
    name: "judge",
    provider: "anthropic",
    model: "claude-sonnet-4",
    params: { temperature: 0, maxTokens: 1024 },
    apiKey: DEMO_SECRETS.anthropic,
  });
  await db.agentConfig.create({
    data: {
      projectId: sales.id,
      persona:
        "You are Acme's sales analyst. Answer with numbers from the semantic layer and say which model each comes from.",
      rubrics: [
        { name: "accuracy", criteria: "Numbers match the deployed models.", weight: 0.6 },
        { name: "clarity", criteria: "Answers are short and name their sources.", weight: 0.4 },
      ],
      modelContexts: [
        { model: "orders", context: "Revenue is net of tax, in USD." },
        { model: "customers", context: "Segments: enterprise, mid-market, smb." },
        { model: "web-sessions", context: "Sessions time out after 30 minutes of inactivity." },
      ],
      webhookUrl: "https://hooks.acme.test/ferry/agent",
    },
  });
  await db.recipe.createMany({
    data: [
      {
        projectId: sales.id,
        slug: "revenue-per-session",
        name: "Revenue per session",
        definition: {
          models: ["orders", "web-sessions"],
          steps: [
            { measure: "orders.revenue" },
            { measure: "web-sessions.sessions" },
            { expression: "orders.revenue / web-sessions.sessions", as: "revenue_per_session" },
          ],
        },
      },
      {
        projectId: sales.id,
        slug: "return-rate",
        name: "Return rate by segment",
        definition: {
          models: ["returns", "orders", "customers"],
          steps: [
            { measure: "returns.return_count" },
            { measure: "orders.order_count" },
            { groupBy: "customers.segment" },
            { expression: "returns.return_count / orders.order_count", as: "return_rate" },
          ],
        },
      },
    ],
  });
  const settings: [string, unknown][] = [
    ["timezone", "America/New_York"],
    ["currency", "USD"],
    ["fiscalYearStart", "02-01"],
    ["defaultDateRange", "last_90_days"],
    ["cache.ttlSeconds", 900],
    ["agent.enabled", true],
    ["agent.maxQuestionsPerDay", 500],
    ["explore.rowLimit", 5000],
    ["alerts.email", "data-team@acme.test"],
    ["features", { pockets: true, recipes: true }],
    ["weekStartsOn", "monday"],
  ];
  await db.projectSetting.createMany({
    data: settings.map(([key, value]) => ({ projectId: sales.id, key, value: value as object })),
  });
  await bindAccess(db, { projectId: sales.id, userId: lead.id, role: "ADMIN" });
  await bindAccess(db, { projectId: sales.id, userId: analyst.id, role: "VIEWER" });
  await bindAccess(db, {
    projectId: sales.id,
    userId: analyst.id,
    role: "EDITOR",
    modelId: modelIds.get("web-sessions")!,
  });

  // Operational history: never exported; present so that its exclusion is visible and tested.
  await db.queryLog.createMany({
    data: [0, 1, 2, 3].map((i) => ({
      projectId: sales.id,
      modelSlug: "orders",
      sql: `SELECT sum(amount) FROM sales.orders WHERE day = current_date - ${i}`,
      durationMs: 120 + i * 37,
    })),
  });
  await db.missLog.create({
    data: { projectId: sales.id, question: "What was churn last quarter?", reason: "No model defines churn." },
  });
  await db.alertEvent.create({
    data: { projectId: sales.id, kind: "aggregate.failed", message: "revenue_by_channel failed: warehouse timeout" },
  });
  await db.agentConversation.create({
    data: {
      projectId: sales.id,
      userEmail: "analyst@acme.test",
      transcript: [
        { role: "user", text: "Revenue yesterday?" },
        { role: "agent", text: "$48,210 (orders.revenue)." },
      ],
    },
  });
  await db.schedulerRun.create({
    data: { projectId: sales.id, job: "refresh:daily_revenue", status: "succeeded", finishedAt: new Date() },
  });

  const marketing = await db.project.create({
    data: { tenantId: acme.id, slug: "marketing-dev", displayName: "Marketing (dev)" },
  });
  await linkConnection(db, { projectId: marketing.id, connectionId: connections["warehouse-pg"].id });
  await createModels(
    db,
    marketing.id,
    [
      {
        slug: "campaigns",
        name: "Campaigns",
        table: "marketing.campaigns",
        connection: "warehouse-pg",
        dimensions: ["campaign_id", "channel", "launched_at"],
        measures: [
          ["spend", "sum", "spend"],
          ["clicks", "sum", "clicks"],
          ["campaign_count", "count", "campaign_id"],
        ],
        versions: 3,
        deployed: 2,
        aggregates: [["spend_by_channel", "READY"]],
        pockets: [],
      },
    ],
    { "warehouse-pg": connections["warehouse-pg"].id },
  );
  await db.projectSetting.create({ data: { projectId: marketing.id, key: "timezone", value: "Europe/London" } });

  const globexPg = await createConnection(db, {
    tenantId: globex.id,
    name: "globex-pg",
    type: "postgres",
    config: { host: "db.globex.internal", port: 5432, database: "finance", user: "ferry" },
    secret: { password: DEMO_SECRETS.globexPg },
  });
  const globexMysql = await createConnection(db, {
    tenantId: globex.id,
    name: "globex-mysql",
    type: "mysql",
    config: { host: "mysql.globex.internal", port: 3306, database: "ledger" },
    secret: { password: DEMO_SECRETS.globexMysql },
  });
  const finance = await db.project.create({ data: { tenantId: globex.id, slug: "finance", displayName: "Finance" } });
  await linkConnection(db, { projectId: finance.id, connectionId: globexPg.id });
  await linkConnection(db, { projectId: finance.id, connectionId: globexMysql.id });
  await createModels(
    db,
    finance.id,
    [
      {
        slug: "ledger",
        name: "General ledger",
        table: "finance.ledger",
        connection: "globex-mysql",
        dimensions: ["account", "period", "posted_at"],
        measures: [
          ["debits", "sum", "debit"],
          ["credits", "sum", "credit"],
          ["entries", "count", "entry_id"],
        ],
        versions: 3,
        deployed: 3,
        aggregates: [["monthly_balance", "READY"]],
        pockets: [["open_periods", "FRESH"]],
      },
      {
        slug: "invoices",
        name: "Invoices",
        table: "finance.invoices",
        connection: "globex-pg",
        dimensions: ["invoice_id", "customer", "due_at"],
        measures: [
          ["invoiced", "sum", "amount"],
          ["invoice_count", "count", "invoice_id"],
          ["avg_invoice", "avg", "amount"],
        ],
        versions: 3,
        deployed: null,
        aggregates: [],
        pockets: [],
      },
    ],
    { "globex-pg": globexPg.id, "globex-mysql": globexMysql.id },
  );
  await db.projectSetting.create({ data: { projectId: finance.id, key: "currency", value: "EUR" } });
  return true;
}

async function createModels(
  db: PrismaClient,
  projectId: string,
  specs: ModelSpec[],
  connectionIds: Record<string, string>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const day = 86_400_000;
  const start = Date.UTC(2026, 5, 1);
  for (const [index, spec] of specs.entries()) {
    const versions = Array.from({ length: spec.versions }, (_, i) => ({
      number: i + 1,
      snapshot: snapshotFor({
        slug: spec.slug,
        table: spec.table,
        dimensions: spec.dimensions,
        measures: spec.measures,
        joins: spec.joins,
        revision: i + 1,
      }) as object,
      message: i === 0 ? "Initial model" : `Revision ${i + 1}: refine measures`,
      authorEmail: i % 2 === 0 ? "lead@acme.test" : "admin@acme.test",
      createdAt: new Date(start + (index * 10 + i) * day),
    }));
    const draft = versions[versions.length - 1]!.snapshot;
    const model = await db.model.create({
      data: {
        projectId,
        slug: spec.slug,
        name: spec.name,
        connectionId: connectionIds[spec.connection] ?? null,
        draft,
        deployedVersion: spec.deployed,
        deployedAt: spec.deployed ? new Date(start + (index * 10 + spec.deployed) * day) : null,
        versions: { create: versions },
        aggregates: {
          create: spec.aggregates.map(([name, status]) => ({
            name,
            status,
            builtAt: status === "READY" ? new Date(start + 40 * day) : null,
            definition: {
              measures: spec.measures.slice(0, 2).map(([m]) => m),
              dimensions: spec.dimensions.slice(-2),
              refreshSchedule: "0 3 * * *",
            },
          })),
        },
        pocketTables: {
          create: spec.pockets.map(([name, status]) => ({
            name,
            status,
            refreshedAt: status === "FRESH" ? new Date(start + 41 * day) : null,
            definition: {
              measures: [spec.measures[0]![0]],
              dimensions: [spec.dimensions[0]!],
              filter: "last 30 days",
              rowLimit: 10_000,
            },
          })),
        },
      },
      select: { id: true },
    });
    ids.set(spec.slug, model.id);
  }
  return ids;
}
