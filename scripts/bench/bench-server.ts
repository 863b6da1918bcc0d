import { spawn, type ChildProcess } from "node:child_process";
import { assertPortFree, onCleanup } from "./cleanup";

/** Signals the server's whole process group (launcher, Next and anything they started). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is gone already.
  }
}

/** Stops the group: SIGTERM, then SIGKILL if it has not exited within 10 s. */
function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup(child, "SIGKILL"); // The launcher is gone; its children may not be.
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      signalGroup(child, "SIGKILL");
      resolve();
    });
    signalGroup(child, "SIGTERM");
  });
}

/** Starts Ferry (`npm start`'s script: builds when needed) against the scratch database. */
export async function startBenchServer(options: {
  port: number;
  env: Record<string, string>;
}): Promise<{ pid: number; url: string; stop: () => Promise<void> }> {
  await assertPortFree(options.port);
  const child: ChildProcess = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/start.ts"], {
    env: {
      ...process.env,
      ...options.env,
      PORT: String(options.port),
      FERRY_PRINT_LOGINS: "0",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stopping it reaches Next's processes too.
    detached: true,
  });
  const unregister = onCleanup(`server on port ${options.port}`, () => stopGroup(child));
  let log = "";
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited:\n${log.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`The server did not start within 300 s:\n${log.slice(-3000)}`);
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
    stop: async () => {
      unregister();
      await stopGroup(child);
    },
  };
}
