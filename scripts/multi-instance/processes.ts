// Child processes of the multi-instance harness: each in its own process group (so a SIGKILL
// reaches `next start` and anything it forked), its output in a log file, and all of them stopped
// by their ids when the harness ends.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import path from "node:path";

export type Child = { name: string; process: ChildProcess; exited: Promise<number | null> };
const children = new Set<Child>();

export function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): Child {
  const log = openSync(path.join(logDir, `${name}.log`), "a");
  const child = spawn(command, args, { env, stdio: ["ignore", log, log], detached: true });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const handle = { name, process: child, exited };
  children.add(handle);
  void exited.then(() => children.delete(handle));
  return handle;
}

/** Signals the child's whole process group (its pid is the group's id: detached above). */
export function signal(child: Child, sig: NodeJS.Signals): void {
  if (child.process.pid === undefined) return;
  try {
    process.kill(-child.process.pid, sig);
  } catch {
    // already gone
  }
}

export async function stop(child: Child): Promise<void> {
  signal(child, "SIGTERM");
  const done = await Promise.race([child.exited.then(() => true), sleep(5_000).then(() => false)]);
  if (!done) signal(child, "SIGKILL");
  await Promise.race([child.exited, sleep(2_000)]);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stop));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `url` answers (any HTTP status below 500), or fails after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, child?: Child): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child?.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${child?.name} exited before ${url} answered (see its log)`);
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Runs a shell command to completion; its stdout (stderr goes to ours). Throws on failure. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status})`);
  return result.stdout;
}

/** Runs `work` over `items`, `width` at a time. */
export async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}
