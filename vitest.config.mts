import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects: `unit` (*.unit.test.ts — the pure core, no database, runs in seconds) and
// `integration` (every other *.test.ts — one embedded PostgreSQL per run, a database per file).
const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside a React Server Components bundle; tests run modules directly.
  "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
};
const roots = ["lib", "app", "cli", "components", "scripts", "test"];

export default defineConfig({
  resolve: { alias },
  test: {
    pool: "forks",
    // At least two files at a time, even on two cores: the integration files mostly wait on
    // PostgreSQL and on the CLI's processes. Vitest's default is cores − 1, one there: the suite
    // ran file after file. Three at a time overloaded two cores (a CLI test passed its timeout).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: roots.map((root) => `${root}/**/*.unit.test.ts`),
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: roots.map((root) => `${root}/**/*.test.ts`),
          exclude: ["**/*.unit.test.ts", "e2e/**", "node_modules/**"],
          globalSetup: ["test/global-setup.ts"],
          setupFiles: ["test/setup-database.ts"],
          // A CLI test runs ten processes one after another: ~23 s alone, ~35 s beside another file.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
