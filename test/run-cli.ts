import { spawn } from "node:child_process";

// Runs the real CLI (as `npm run ferry` does) against the calling test file's database.

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function ferry(
  args: string[],
  env: Record<string, string | undefined> = {},
  stdin?: string,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "cli/index.ts", ...args], {
      env: {
        ...process.env,
        DATABASE_URL: process.env.DATABASE_URL,
        FERRY_MASTER_KEY: process.env.FERRY_MASTER_KEY,
        FERRY_DEBUG: undefined,
        ...env,
      },
      stdio: [stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}
