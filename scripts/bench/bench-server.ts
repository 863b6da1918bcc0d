import { spawn, type ChildProcess } from "node:child_process";

/** Starts Ferry (`npm start`'s script: builds when needed) against the scratch database. */
export async function startBenchServer(options: {
  port: number;
  env: Record<string, string>;
}): Promise<{ pid: number; url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/start.ts"], {
    env: {
      ...process.env,
      ...options.env,
      PORT: String(options.port),
      FERRY_PRINT_LOGINS: "0",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited:\n${log.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`The server did not start:\n${log.slice(-3000)}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    pid: child.pid!,
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
