import fs from "node:fs";
import path from "node:path";

/** Every file under a folder, recursively. */
export function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Every /api/v1 route handler as `METHOD /api/v1/path/{param}`, read from app/api/v1's route files. */
export function apiRouteHandlers(): string[] {
  return walk("app/api/v1")
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
