import { spawn } from "node:child_process";
import path from "node:path";
import type { CrashPoint } from "@/lib/config/crash-points";
import type { CreateVideoJobInput } from "@/lib/videos/create-video-job";

const root = path.resolve(import.meta.dirname, "../../../..");

export type ChildExit = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Runs crash-child.ts in a new process that dies at `point`; resolves when it has exited. */
export function runCrashingChild(
  point: CrashPoint | null,
  job: { submit?: CreateVideoJobInput; archiveTaskId?: string },
  env: Record<string, string> = {},
): Promise<ChildExit> {
  // Node itself runs the child (tsx as a loader, not as a wrapper process), so the kill is seen as such.
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/integration/videos/support/crash-child.ts"],
    {
      cwd: root,
      env: { ...process.env, ...env, STUDIO_CRASH_AT: point ?? "", CRASH_CHILD_JOB: JSON.stringify(job) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
