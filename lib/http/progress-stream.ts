import "server-only";
import { toErrorBody, type ErrorCode } from "@/lib/errors";
import type { ImportProgress } from "@/lib/import/import-phase";

// Long operations (a 100 MB import) answer as NDJSON when the client asks for
// `Accept: application/x-ndjson`: progress lines while the work runs — so the wizard can show
// phases and no proxy sees an idle connection — then one final line with the result or the error.

export type ProgressReporter = ImportProgress;

export function wantsProgress(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("application/x-ndjson");
}

export function progressResponse<T>(
  run: (report: ProgressReporter) => Promise<T>,
  options: { fallback: ErrorCode; name: string },
): Response {
  const encoder = new TextEncoder();
  let lastSent = 0;
  let lastPhase = "";
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      const report: ProgressReporter = (phase, done, total) => {
        const now = Date.now();
        // Every phase change, and at most ten updates a second within a phase.
        if (phase === lastPhase && now - lastSent < 100 && done !== total) return;
        lastPhase = phase;
        lastSent = now;
        send({ phase, ...(done !== undefined ? { done, total } : {}) });
      };
      try {
        send({ result: await run(report) });
      } catch (error) {
        send(toErrorBody(error, options.fallback, options.name).body);
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
