import fs from "node:fs";

// Resident memory of a process tree, read from /proc (Linux). The peak of an operation is sampled
// (VmRSS every 20 ms): VmHWM covers the process's whole life and cannot be reset everywhere.
// The tree is found from each process's parent pid in /proc/<pid>/stat: the shorter route,
// /proc/<pid>/task/<tid>/children, only exists on kernels built with CONFIG_PROC_CHILDREN, and
// without it the tree below the launcher came out empty and the benchmark printed "0 MB".

function parentOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses: parse after its last ")".
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null; // Ended meanwhile.
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const all: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    all.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return all;
}

function statusKb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * RSS (MB) summed over the tree below `pid` (excluding `pid` itself when it is only a launcher).
 * Throws rather than answer 0 when no process of the tree could be read.
 */
export function treeRssMb(pid: number, options: { includeRoot: boolean }): number {
  const pids = descendants(pid).filter((p) => options.includeRoot || p !== pid);
  const readings = pids.map(statusKb).filter((kb): kb is number => kb !== null && kb > 0);
  if (readings.length === 0)
    throw new Error(`No resident memory could be read for process ${pid}'s tree (has it exited?).`);
  return readings.reduce((a, b) => a + b, 0) / 1024;
}

/** Samples the tree's RSS while `body` runs; resolves with its result and the highest sample (MB). */
export async function withPeakRss<T>(pid: number, body: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peakMb = treeRssMb(pid, { includeRoot: false });
  let failure: unknown = null;
  const timer = setInterval(() => {
    try {
      peakMb = Math.max(peakMb, treeRssMb(pid, { includeRoot: false }));
    } catch (error) {
      failure ??= error;
    }
  }, 20);
  try {
    const value = await body();
    peakMb = Math.max(peakMb, treeRssMb(pid, { includeRoot: false }));
    if (failure) throw failure;
    return { value, peakMb };
  } finally {
    clearInterval(timer);
  }
}
