import "server-only";
import { env } from "@/lib/env";
import type { CrashPoint } from "@/lib/config/crash-points";

/** Test hook (STUDIO_CRASH_AT): dies here like kill -9 would, with no cleanup and no await. */
export function crashPoint(point: CrashPoint): void {
  if (env.crashAt === point) process.kill(process.pid, "SIGKILL");
}
