import fs from "node:fs";

// Resident memory of a process tree, read from /proc (Linux). The peak of an operation is sampled
// (VmRSS every 20 ms): VmHWM covers the process's whole life and cannot be reset everywhere.

function descendants(pid: number): number[] {
  const all = [pid];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const child of children ? children.split(/\s+/).map(Number) : []) all.push(...descendants(child));
    }
  } catch {
    // The process ended meanwhile.
  }
  return all;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Sum over the tree below `pid` (excluding `pid` itself when it is only a launcher). */
export function treeMemory(pid: number, options: { includeRoot: boolean }): { rssMb: number; peakMb: number } {
  const pids = descendants(pid).filter((p) => options.includeRoot || p !== pid);
  const sum = (field: "VmRSS" | "VmHWM") => pids.reduce((total, p) => total + statusKb(p, field), 0) / 1024;
  return { rssMb: sum("VmRSS"), peakMb: sum("VmHWM") };
}

/** Samples the tree's RSS while `body` runs; resolves with its result and the highest sample (MB). */
export async function withPeakRss<T>(pid: number, body: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peakMb = treeMemory(pid, { includeRoot: false }).rssMb;
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, treeMemory(pid, { includeRoot: false }).rssMb);
  }, 20);
  try {
    const value = await body();
    peakMb = Math.max(peakMb, treeMemory(pid, { includeRoot: false }).rssMb);
    return { value, peakMb };
  } finally {
    clearInterval(timer);
  }
}
