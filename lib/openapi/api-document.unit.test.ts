import fs from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { ImportPreview } from "@/lib/import/preview-import";
import type { ImportResult } from "@/lib/import/import-result";
import type { HistoryPage, StoredImport } from "@/lib/history/history";
import type { ProjectDetail } from "@/lib/projects/get-project-detail";
import type { historyPageSchema, projectDetailSchema, storedImportSchema } from "@/lib/validations/api-responses";
import type { importPreviewSchema, importResultSchema } from "@/lib/validations/import-result";
import { apiRouteHandlers } from "@/test/api-routes";
import { buildOpenApiDocument, openApiDocumentText } from "./api-document";

describe("OpenAPI document", () => {
  it("docs/openapi.json matches the generated document (run `npm run docs:openapi` after changing the API)", () => {
    expect(fs.readFileSync("docs/openapi.json", "utf8")).toBe(openApiDocumentText());
  });

  it("is valid OpenAPI 3.1 under an independent validator", async () => {
    const validator = new Validator();
    const result = await validator.validate(buildOpenApiDocument() as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every /api/v1 route handler, and nothing else", () => {
    const documented = Object.entries(buildOpenApiDocument().paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(apiRouteHandlers().sort());
  });

  it("documents each operation's authentication and error body", () => {
    for (const [path, item] of Object.entries(buildOpenApiDocument().paths ?? {}))
      for (const [method, operation] of Object.entries(item as Record<string, Record<string, unknown>>)) {
        const responses = operation.responses as Record<string, unknown>;
        const open = ["/api/v1/health", "/api/v1/bundle-schema.json", "/api/v1/openapi.json"].includes(path);
        expect(operation.security, `${method} ${path}`).toEqual(open ? [] : [{ bearerToken: [] }, { session: [] }]);
        expect(Object.keys(responses).includes("401"), `${method} ${path}`).toBe(!open);
      }
  });
});

describe("response schemas", () => {
  // Snapshots, Deploy all, Refresh, me and the project list are typed by their schemas directly;
  // these domain types are richer (literal unions, Prisma JSON), so they are checked against them.
  it("hold what the domain functions return (checked by the type checker)", () => {
    expectTypeOf<ImportResult>().toExtend<z.input<typeof importResultSchema>>();
    expectTypeOf<ImportPreview>().toExtend<z.input<typeof importPreviewSchema>>();
    expectTypeOf<ProjectDetail>().toExtend<z.input<typeof projectDetailSchema>>();
    expectTypeOf<HistoryPage>().toExtend<z.input<typeof historyPageSchema>>();
    expectTypeOf<StoredImport>().toExtend<z.input<typeof storedImportSchema>>();
  });
});
