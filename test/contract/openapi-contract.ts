import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";

// Checks real answers of the /api/v1 route handlers against the OpenAPI document they serve:
// status documented, body valid under the response schema (ajv, JSON Schema 2020-12), error code
// among those the document lists for that status. Records which (operation, answer) pairs were
// seen, so the contract test can demand every documented one.

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface OperationObject {
  operationId: string;
  responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
}
export type Document = { paths: Record<string, Record<string, OperationObject>> };

export async function loadDocument(): Promise<Document> {
  return (await (await openApiRoute()).json()) as Document;
}

export function documentValidator(document: Document) {
  // `base64` is zod's format name for a pattern the schema also states (the pattern checks it).
  const ajv = new Ajv2020({ strict: false, allErrors: true, formats: { base64: true } });
  addFormats(ajv);
  ajv.addSchema(document, "openapi.json");
  const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
  return (route: string, method: string, status: string, contentType: string) =>
    ajv.compile({
      $ref: `openapi.json#/${pointer("paths", route, method, "responses", status, "content", contentType, "schema")}`,
    });
}

/** The route handler of a documented path, loaded from app/ as Next routes it. */
export async function routeHandler(route: string, method: string): Promise<Handler> {
  const file = path.resolve("app", `.${route.replace(/\{(\w+)\}/g, "[$1]")}`, "route.ts");
  const routeModule = (await import(/* @vite-ignore */ file)) as Record<string, Handler>;
  const handler = routeModule[method.toUpperCase()];
  if (!handler) throw new Error(`No ${method.toUpperCase()} handler in ${file}`);
  return handler;
}

export interface Call {
  /** `METHOD /api/v1/path/{param}` as the document names it. */
  operation: string;
  params?: Record<string, string>;
  query?: string;
  token?: string | null;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

export class Contract {
  /** `METHOD path` → answers seen: "200" or an error code. */
  readonly seen = new Map<string, Set<string>>();
  private readonly validate: ReturnType<typeof documentValidator>;

  constructor(readonly document: Document) {
    this.validate = documentValidator(document);
  }

  /** Sends the call to its route handler and checks the answer against the document. */
  async send(call: Call, expected: string): Promise<{ response: Response; body: unknown; text: string }> {
    const [method, route] = call.operation.split(" ") as [string, string];
    const operation = this.document.paths[route]?.[method.toLowerCase()];
    expect(operation, `${call.operation} is documented`).toBeDefined();
    const url = `http://ferry.test${route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(call.params?.[name] ?? ""))}${call.query ? `?${call.query}` : ""}`;
    const headers = new Headers(call.headers);
    if (call.token) headers.set("authorization", `Bearer ${call.token}`);
    let body = call.body;
    if (call.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(call.json);
    }
    const handler = await routeHandler(route, method);
    const response = await handler(new Request(url, { method, headers, body }), {
      params: Promise.resolve(call.params ?? {}),
    });
    const text = await response.text();
    const label = `${call.operation} → ${expected}`;
    const status = String(response.status);
    const documented = operation!.responses[status];
    expect(documented, `${label}: status ${status} is documented (${text.slice(0, 300)})`).toBeDefined();
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    expect(Object.keys(documented!.content ?? {}), `${label}: content type`).toContain(contentType);
    let body_: unknown = text;
    if (contentType === "application/x-ndjson") {
      // Progress lines, then the result: the result is checked as the JSON answer would be.
      const last = JSON.parse(text.trim().split("\n").at(-1)!) as { result?: unknown };
      expect(last.result, `${label}: the stream ends with a result`).toBeDefined();
      body_ = last.result;
    } else if (contentType.endsWith("json")) body_ = JSON.parse(text) as unknown;
    const schemaType = contentType === "application/x-ndjson" ? "application/json" : contentType;
    const check = this.validate(route, method.toLowerCase(), status, schemaType);
    expect(check(body_) ? [] : check.errors, `${label}: body matches the document`).toEqual([]);
    for (const [name, header] of Object.entries(documented!.headers ?? {})) {
      const value = response.headers.get(name);
      expect(value, `${label}: header ${name}`).not.toBeNull();
      const schema = (header as { schema?: { enum?: string[] } }).schema;
      if (schema?.enum) expect(schema.enum).toContain(value);
    }
    const answer = response.status === 200 ? "200" : (body_ as { error: { code: string } }).error.code;
    expect(answer, `${label}: ${text.slice(0, 300)}`).toBe(expected);
    if (!this.seen.has(call.operation)) this.seen.set(call.operation, new Set());
    this.seen.get(call.operation)!.add(answer);
    return { response, body: body_, text };
  }

  /** Every documented (operation, answer) pair: "200" and each error code listed per status. */
  documentedAnswers(): Map<string, Set<string>> {
    const answers = new Map<string, Set<string>>();
    for (const [route, item] of Object.entries(this.document.paths))
      for (const [method, operation] of Object.entries(item)) {
        const set = new Set<string>();
        for (const [status, response] of Object.entries(operation.responses)) {
          if (status === "200") set.add("200");
          const schema = response.content?.["application/json"] as
            { schema?: { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } } } | undefined;
          for (const code of schema?.schema?.properties?.error?.properties?.code?.enum ?? []) set.add(code);
        }
        answers.set(`${method.toUpperCase()} ${route}`, set);
      }
    return answers;
  }
}
