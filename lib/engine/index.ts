import "server-only";
import { env } from "@/lib/env";

// The one way background work starts (instrumentation.ts calls startBackgroundWork once per
// server process): pg-boss jobs on PostgreSQL, the in-process sweep on SQLite or with
// STUDIO_ENGINE=sweep (decision 111). Either way the same units of work run (pollTaskIfDue,
// archiveTaskIfDue and the upkeep in lib/videos); the engines differ only in who says when.
// STUDIO_SWEEP=off: neither (tests drive the work by hand).

export type EngineKind = "sweep" | "pg-boss";

export async function startBackgroundWork(): Promise<EngineKind | null> {
  if (!env.sweepEnabled) return null;
  return startEngine(env.engine);
}

/** Starts `kind` in this process (idempotent); the engine that runs. */
export async function startEngine(kind: EngineKind): Promise<EngineKind> {
  if (kind === "pg-boss") {
    const { startPgBossEngine } = await import("./pg-boss-engine");
    try {
      await startPgBossEngine();
      return "pg-boss";
    } catch (error) {
      // Work must go on: this instance sweeps instead (the leases keep it safe beside instances
      // that run pg-boss) and says so loudly.
      console.error("[engine] pg-boss did not start; this instance runs the in-process sweep instead:", error);
    }
  }
  const { startSweeper } = await import("@/lib/videos/sweep");
  startSweeper();
  return "sweep";
}

/** Stops whichever engine runs here; running jobs finish first. */
export async function stopEngine(): Promise<void> {
  const { stopSweeper } = await import("@/lib/videos/sweep");
  stopSweeper();
  if (env.databaseProvider === "postgresql") {
    const { stopPgBossEngine } = await import("./pg-boss-engine");
    await stopPgBossEngine();
  }
}
