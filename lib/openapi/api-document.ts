import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type ResponseConfig,
  type RouteConfig,
} from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { bundleJsonSchema } from "@/lib/bundle/json-schema";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { API_OPERATIONS, type ApiOperation } from "./api-operations";

// The OpenAPI 3.1 description of /api/v1 (SPEC §14), generated from the operations list and the
// zod schemas the routes parse with. Served at /api/v1/openapi.json; docs/openapi.json is this
// text (`npm run docs:openapi`; a test fails when it drifts).

const ERROR_DESCRIPTIONS: Partial<Record<number, string>> = {
  400: "The request is not valid.",
  401: "The access token is missing, malformed, expired or revoked.",
  403: "The caller's role does not allow it.",
  404: "Not found (also another tenant's project, so its existence does not leak).",
  409: "A conflict with the current state.",
  413: "The body is larger than the limit.",
  429: "Too many attempts.",
  500: "An unexpected failure; nothing was changed.",
  503: "The database is not reachable.",
};

/** `{ error: { code, message, details? } }` with the codes one status of one operation answers. */
function errorBody(codes: ErrorCode[]) {
  return z.object({
    error: z.object({
      code: z.enum(codes as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.unknown().optional().meta({ description: "E.g. the path and reason of each problem (at most 50)." }),
    }),
  });
}

/** Each error code the operation documents, in SPEC §5 order, with its status. */
function operationErrors(operation: ApiOperation): ErrorCode[] {
  const codes = new Set<ErrorCode>(operation.errors);
  if (operation.access !== "anyone") codes.add("UNAUTHENTICATED");
  if (operation.success.kind !== "document") codes.add(operation.fallback ?? "INTERNAL_ERROR");
  return (Object.keys(ERROR_STATUS) as ErrorCode[]).filter((code) => codes.has(code));
}

function errorResponses(operation: ApiOperation): Record<number, ResponseConfig> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of operationErrors(operation))
    byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      status,
      {
        description: `${ERROR_DESCRIPTIONS[status] ?? "An error."} Codes: ${codes.join(", ")}.`,
        content: { "application/json": { schema: errorBody(codes) } },
      },
    ]),
  );
}

const BUNDLE_REF = { $ref: "#/components/schemas/Bundle" };
const credentialsHeader = {
  "X-Ferry-Credentials": {
    description: "Which secrets the bundle carries: all, llm-keys (LLM keys only) or none.",
    schema: { type: "string" as const, enum: ["all", "llm-keys", "none"] },
  },
};

function successResponse(operation: ApiOperation): ResponseConfig {
  const success = operation.success;
  switch (success.kind) {
    case "json":
      return { description: success.description, content: { "application/json": { schema: success.schema } } };
    case "document":
      return { description: success.description, content: { [success.contentType]: { schema: { type: "object" } } } };
    case "bundle":
      return {
        description: success.description,
        headers: credentialsHeader,
        content: { "application/json": { schema: BUNDLE_REF } },
      };
    case "import":
      return {
        description: `${success.description} With \`Accept: application/x-ndjson\`: progress lines (\`{ phase, done?, total? }\`), then one line \`{ result }\` or \`{ error }\`.`,
        content: {
          "application/json": { schema: success.schema },
          "application/x-ndjson": { schema: { type: "string" } },
        },
      };
  }
}

function requestBody(operation: ApiOperation): RouteConfig["request"] {
  const body = operation.body;
  if (!body) return {};
  if (body.kind === "json")
    return {
      body: {
        required: body.required,
        description: body.required ? undefined : "Optional: an empty body means `{}`.",
        content: { "application/json": { schema: body.schema } },
      },
    };
  return {
    body: {
      required: true,
      description: body.description,
      content: {
        "multipart/form-data": {
          schema: z.object({
            bundle: z.string().meta({ format: "binary", description: "The bundle file." }),
            // A part sent as JSON text (the encoding below), holding this object.
            options: body.options.optional().meta({ id: uploadOptionsName(operation) }),
          }),
          encoding: { options: { contentType: "application/json" } },
        },
        ...(body.raw ? { "application/json": { schema: BUNDLE_REF } } : {}),
      },
    },
  };
}

/** The component naming what a multipart upload's `options` field holds. */
function uploadOptionsName(operation: ApiOperation): string {
  return `${operation.operationId[0]!.toUpperCase()}${operation.operationId.slice(1)}Options`;
}

export function buildOpenApiDocument(): ReturnType<OpenApiGeneratorV31["generateDocument"]> {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "bearerToken", {
    type: "http",
    scheme: "bearer",
    description: "A personal access token (Access tokens page, or `npm run ferry -- token create`).",
  });
  const cookie = registry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "The browser's session (writes only from the app's own origin).",
  });
  const { $schema: _schema, $id: _id, ...bundle } = bundleJsonSchema();
  registry.registerComponent("schemas", "Bundle", bundle);
  for (const operation of API_OPERATIONS) {
    registry.registerPath({
      method: operation.method,
      path: operation.path,
      operationId: operation.operationId,
      summary: operation.summary,
      description: `Who: ${operation.access}.`,
      security: operation.access === "anyone" ? [] : [{ [bearer.name]: [] }, { [cookie.name]: [] }],
      request: {
        ...(operation.params ? { params: operation.params } : {}),
        ...(operation.query ? { query: operation.query } : {}),
        ...requestBody(operation),
      },
      responses: { 200: successResponse(operation), ...errorResponses(operation) },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Ferry API",
      version: "1",
      description:
        "Export and import semantic-layer projects as JSON bundles. Errors answer `{ error: { code, message, details? } }` with the status of the code.",
    },
    servers: [{ url: "/" }],
  });
}

export function openApiDocumentText(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
