/**
 * At most `limit` tasks run at once; the rest wait in arrival order. Used to keep key derivations
 * (which run on libuv's small thread pool, shared with password hashing and file I/O) from
 * occupying every thread.
 */
export function createSemaphore(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async (task) => {
    if (running < limit) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
