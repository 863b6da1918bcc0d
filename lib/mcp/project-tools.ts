import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { exportOptionsSchema } from "@/lib/export/export-options";
import { prepareExport, type PreparedExport } from "@/lib/export/export-project";
import { createExportTicket, TICKET_TTL_MS } from "@/lib/export/export-tickets";
import { getProjectDetail } from "@/lib/projects/get-project-detail";
import { listProjectSummaries } from "@/lib/projects/list-project-summaries";
import { tenantQuerySchema } from "@/lib/validations/tenant";
import { projectDetailSchema, projectListSchema } from "@/lib/validations/api-responses";
import { outputOf, runTool } from "./tool-result";

export interface ProjectToolsContext {
  actor: Actor;
  /** Origin that one-time download links are made absolute with (none: a path on the Ferry server). */
  baseUrl?: string;
  /** Exports up to this many bytes come back inline; larger ones as a one-time download link. */
  inlineExportBytes: number;
}

const tenant = tenantQuerySchema.shape.tenant.describe(
  "The tenant's slug (default: the caller's only tenant; needed when the project's slug is in several).",
);
const projectSlug = z.string().min(1).max(200).describe("The project's slug.");
/** export_project's answer: the bundle inline, or a one-time link to it. */
export const exportToolResultSchema = z.object({
  filename: z.string(),
  credentials: z.enum(["all", "llm-keys", "none"]).describe("Which secrets the bundle carries (X-Ferry-Credentials)."),
  bytes: z.number().int().describe("The bundle's size."),
  bundle: z.unknown().optional().describe("The ferry.project bundle, when it fits inline."),
  downloadUrl: z
    .string()
    .optional()
    .describe("A one-time link to GET the bundle, when it is too large to come inline."),
  expiresAt: z.string().optional(),
  contents: z.unknown().optional().describe("What the linked bundle holds, as the export's preview says."),
});

const readOnly = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;

export function registerProjectTools(server: McpServer, context: ProjectToolsContext): void {
  const { actor } = context;

  server.registerTool(
    "list_projects",
    {
      title: "List projects",
      description: "The projects you can see (GET /api/v1/projects): tenant, slug, display name, your role, models.",
      inputSchema: z.object({ tenant }),
      outputSchema: outputOf(projectListSchema),
      annotations: readOnly,
    },
    (input) => runTool("list_projects", () => listProjectSummaries({ actor, tenantSlug: input.tenant })),
  );

  server.registerTool(
    "get_project",
    {
      title: "Get a project",
      description:
        "Everything a viewer of the project may read, by natural keys and without secrets (GET /api/v1/projects/{projectSlug}): models, connections, LLM configs, agent, recipes, settings, access bindings.",
      inputSchema: z.object({ projectSlug, tenant }),
      outputSchema: outputOf(projectDetailSchema),
      annotations: readOnly,
    },
    (input) =>
      runTool("get_project", async () => ({
        ...(await getProjectDetail({ actor, tenantSlug: input.tenant, projectSlug: input.projectSlug })),
      })),
  );

  server.registerTool(
    "export_project",
    {
      title: "Export a project",
      description: `Exports the project (or, with modelSlug, one model and the models it joins to) as a ferry.project bundle, as POST /api/v1/projects/{projectSlug}/export does; same options. A bundle of up to ${Math.round(context.inlineExportBytes / 1024)} KB comes back inline (\`bundle\`); a larger one as \`downloadUrl\`, a one-time link valid for ${TICKET_TTL_MS / 60_000} minutes, to GET with the same credentials (Authorization: Bearer <your token>). Needs project ADMIN (a model: EDITOR on it).`,
      inputSchema: exportOptionsSchema.extend({
        projectSlug,
        tenant,
        modelSlug: z.string().min(1).max(200).optional().describe("Export only this model (scope model)."),
      }),
      outputSchema: exportToolResultSchema,
      annotations: readOnly,
    },
    ({ projectSlug, tenant, modelSlug, ...options }) =>
      runTool("export_project", async () => {
        const request = { actor, tenantSlug: tenant, projectSlug, modelSlug, options };
        const prepared = await prepareExport(request);
        const read = await readUpTo(prepared, context.inlineExportBytes);
        const about = { filename: prepared.filename, credentials: prepared.secrets, bytes: read.bytes };
        if (read.text !== null) return { ...about, bundle: JSON.parse(read.text) as unknown };
        const ticket = await createExportTicket(request);
        return {
          ...about,
          downloadUrl: context.baseUrl ? new URL(ticket.url, context.baseUrl).toString() : ticket.url,
          expiresAt: new Date(Date.now() + TICKET_TTL_MS).toISOString(),
          contents: ticket.contents,
        };
      }),
  );
}

/**
 * Reads the export, keeping it only while it fits under `limit`; past that the rest is counted,
 * not kept, and the caller gets a download link instead. Reading to the end (rather than cutting
 * the stream off) keeps the export's audit event true: the bundle was produced in full.
 */
async function readUpTo(prepared: PreparedExport, limit: number): Promise<{ text: string | null; bytes: number }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of prepared.open()) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.byteLength;
    if (bytes <= limit) chunks.push(buffer);
    else chunks.length = 0;
  }
  return { text: bytes <= limit ? Buffer.concat(chunks).toString("utf8") : null, bytes };
}
