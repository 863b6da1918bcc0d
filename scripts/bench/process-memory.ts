import fs from "node:fs";

// Resident memory of a process tree, read from /proc (Linux): current (VmRSS) and peak (VmHWM).
// Writing 5 to /proc/<pid>/clear_refs resets the peak, so each measured operation gets its own.

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

export function resetPeak(pid: number): void {
  for (const p of descendants(pid)) {
    try {
      fs.writeFileSync(`/proc/${p}/clear_refs`, "5");
    } catch {
      // Not permitted or gone: the peak then covers the process's lifetime.
    }
  }
}
