import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";

// Calls a server action the way the browser does — a POST to a page with the action's id in the
// Next-Action header — so tests can send what the UI would never send (a viewer asking to change
// settings) and read the answer. Ids come from the production build's manifest.

interface ManifestEntry {
  exportedName?: string;
  filename?: string;
}

export function actionId(name: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, ManifestEntry> };
  const ids = Object.entries(manifest.node).filter(([, entry]) => entry.exportedName === name);
  if (ids.length !== 1) throw new Error(`Server action ${name}: ${ids.length} entries in the build manifest`);
  return ids[0]![0];
}

export interface ActionAnswer {
  response: APIResponse;
  /** The action's return value (ActionResult), decoded from the React Server Components stream. */
  result: { ok: boolean; data?: unknown; error?: { code: string; message: string } } | undefined;
  text: string;
}

/** POSTs `args` to action `name` on page `url` (absolute, or relative to the request's baseURL). */
export async function postAction(
  request: APIRequestContext,
  options: { url: string; action: string; args: unknown[]; headers?: Record<string, string> },
): Promise<ActionAnswer> {
  const origin = new URL(options.url, "http://placeholder").origin;
  const response = await request.post(options.url, {
    headers: {
      "next-action": actionId(options.action),
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      ...(origin === "http://placeholder" ? {} : { origin }),
      ...options.headers,
    },
    data: JSON.stringify(options.args),
    maxRedirects: 0,
  });
  const text = await response.text();
  // The stream's row 0 points at the row holding the return value ("a":"$@<row>").
  const row = /^0:\{"a":"\$@([0-9a-f]+)"/m.exec(text)?.[1];
  const line = row === undefined ? undefined : text.split("\n").find((l) => l.startsWith(`${row}:`));
  const result = line ? (JSON.parse(line.slice(row!.length + 1)) as ActionAnswer["result"]) : undefined;
  return { response, result, text };
}
