import fs from "node:fs";
import path from "node:path";

/** Every file under a folder, recursively. */
export function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Every route handler under `dir` (default app/api/v1) as `METHOD /api/v1/path/{param}`, read from its route files. */
export function apiRouteHandlers(dir = "app/api/v1"): string[] {
  return walk(dir)
    .filter((file) => file.endsWith("/route.ts"))
    .flatMap((file) => {
      const route = `/${path
        .dirname(file)
        .replace(/^app\//, "")
        .replace(/\[([^\]]+)\]/g, "{$1}")}`;
      return [
        ...fs
          .readFileSync(file, "utf8")
          .matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g),
      ].map((m) => `${m[1]} ${route}`);
    });
}
