import net from "node:net";

// Whatever ends the benchmark — success, a failed measurement, a thrown error, Ctrl-C or a
// SIGTERM — runs these, newest first, so no server or database is left behind (a leftover
// server on the port made the next run wait forever).

const tasks: { name: string; run: () => Promise<void> | void }[] = [];
let running: Promise<void> | null = null;
let interrupted = false;

/** Registers a clean-up; returns a function that unregisters it (when it already ran normally). */
export function onCleanup(name: string, run: () => Promise<void> | void): () => void {
  const task = { name, run };
  tasks.push(task);
  return () => {
    const index = tasks.indexOf(task);
    if (index >= 0) tasks.splice(index, 1);
  };
}

export function cleanUp(): Promise<void> {
  running ??= (async () => {
    while (tasks.length) {
      const task = tasks.pop()!;
      try {
        await Promise.race([task.run(), new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
      } catch (error) {
        console.error(`[bench] clean-up "${task.name}" failed:`, error);
      }
    }
  })();
  return running;
}

/** Runs `main`, cleans up on every way out, and exits with its status. */
export function runWithCleanup(main: () => Promise<void>): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.once(signal, () => {
      interrupted = true;
      console.error(`[bench] ${signal}: stopping the server and the database…`);
      void cleanUp().finally(() => process.exit(130));
    });
  main().then(
    () => cleanUp().then(() => process.exit(0)),
    (error: unknown) => {
      // After a signal, the work fails because its server and database went away: not news.
      if (interrupted) return;
      console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      void cleanUp().finally(() => process.exit(1));
    },
  );
}

/** Fails at once when something already listens on the port, instead of measuring (or waiting for) it. */
export async function assertPortFree(port: number, remedy = "Stop it or pass --port."): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `Port ${port} is already in use (a server left over from an earlier run?). ${remedy}`
            : `Cannot listen on port ${port}: ${error.message}`,
        ),
      ),
    );
    probe.listen({ port, host: "0.0.0.0", exclusive: true }, () => probe.close(() => resolve()));
  });
}
