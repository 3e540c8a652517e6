import { readdirSync, readFileSync } from "node:fs";

// CPU time (user + system, ms) of a process and all its descendants, from /proc (Linux): the
// server's own cost of a bench slice, apart from the load generator sharing the cores.

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function stat(pid: string): { ppid: number; ms: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: fields are counted after it.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return { ppid: Number(fields[1]), ms: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return null; // exited meanwhile
  }
}

/** The CPU milliseconds used so far by `root` and every live process below it. */
export function processTreeCpuMs(root: number): number {
  const all = new Map<number, { ppid: number; ms: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(name);
    if (s) all.set(Number(name), s);
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = all.get(p)?.ppid ?? 0, hops++) if (p === root) return true;
    return false;
  };
  let ms = 0;
  for (const [pid, s] of all) if (inTree(pid)) ms += s.ms;
  return ms;
}
