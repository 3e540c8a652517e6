import "server-only";
import { db } from "@/lib/db";
import { keepStatistics } from "@/lib/db/statistics";
import { env } from "@/lib/env";
import { deliverDueNotifications } from "@/lib/notifications/deliver";
import { removeTaskMedia } from "@/lib/storage/media-store";
import { refreshDueCatalogue } from "@/lib/upstream/catalogue-refresh";
import { archiveDueTasks } from "./archive-video";
import { syncDueTasks } from "./sync-video-status";
import { addTaskEvent } from "./task-events";
import { notBefore } from "./clock";

// Tasks progress with no one watching: the sweep polls every due task, archives completed
// ones, applies team retention and sends due notifications. lib/engine starts it with the server on
// SQLite (or STUDIO_ENGINE=sweep); POST /api/cron/sweep runs one tick for an external scheduler.
// Leases make concurrent sweeps safe, beside each other and beside pg-boss jobs.

/**
 * A batch that came back full and was mostly this sweep's own work: more may be due already.
 * Mostly someone else's (leases held by another poll or instance) is no reason to ask again at once.
 */
function fullBatch(due: number, done: number, limit: number): boolean {
  return due === limit && done * 2 >= due;
}

export async function runSweep(now = new Date()) {
  // Several rounds of the archive's concurrency per sweep: a burst of completions drains fast.
  const archiveLimit = env.archiveConcurrency * 4;
  // Polls and archives side by side, each bounded by its own concurrency, so archives already due
  // do not wait behind a hundred polls; then the completions this tick's polls found are saved
  // now rather than a tick later.
  const [synced, before] = await Promise.all([
    syncDueTasks({ now, limit: 100 }),
    archiveDueTasks({ now, limit: archiveLimit }),
  ]);
  const after = await archiveDueTasks({ now: notBefore(now), limit: archiveLimit });
  const upkeep = await runUpkeep(now);
  return {
    polled: synced.polled,
    archived: before.archived + after.archived,
    archiveFailures: before.failed + after.failed,
    // More is due already, so the next tick should not wait.
    more:
      fullBatch(synced.due, synced.polled, 100) ||
      fullBatch(before.due, before.archived + before.failed, archiveLimit) ||
      fullBatch(after.due, after.archived + after.failed, archiveLimit),
    ...upkeep,
  };
}

/**
 * The work that is not per task: retention, the notification outbox, live catalogues and SQLite's
 * statistics. The sweep runs it every tick; the job engine (lib/engine) once a minute.
 */
export async function runUpkeep(now = new Date()) {
  const expired = await applyRetention(now);
  // Notifications of the outbox (lib/notifications/deliver.ts): at most 10 per sweep, in parallel.
  const notified = await deliverDueNotifications(now).catch((error: unknown) => {
    console.error("[sweep] notifications", error);
    return { sent: 0, failed: 0 };
  });
  // Live catalogues (OpenRouter's GET /videos/models): at most one connection's list per sweep.
  await refreshDueCatalogue(now).catch((error: unknown) => console.error("[sweep] catalogue", error));
  // SQLite's planner statistics, refreshed hourly as the tables grow (docs/decisions/017).
  await keepStatistics(db, env.databaseProvider, now).catch((error) => console.error("[sweep] statistics", error));
  return { retentionRemoved: expired, notificationsSent: notified.sent, notificationsFailed: notified.failed };
}

/** Removes our copy of videos past their team's retention (the row and its charge stay). */
export async function applyRetention(now: Date): Promise<number> {
  const due = await db.videoTask.findMany({
    where: { retainUntil: { lte: now }, deletedAt: null, archiveStatus: "done" },
    select: { id: true, teamId: true },
    // The order of the partial index on live retainUntil (without one, Prisma orders a `take` by
    // id, and PostgreSQL walks the whole primary key looking for due rows).
    orderBy: { retainUntil: "asc" },
    take: 50,
  });
  for (const task of due) {
    await removeTaskMedia(task.teamId, task.id);
    await db.$transaction(async (tx) => {
      await tx.videoTask.update({
        where: { id: task.id },
        data: { deletedAt: now, videoPath: null, thumbnailPath: null, spritesheetPath: null },
      });
      await addTaskEvent(tx, task.id, { type: "retention_removed", at: now });
    });
  }
  return due.length;
}

const GLOBAL_KEY = Symbol.for("sora-studio.sweeper");
type Sweeper = { timer?: NodeJS.Timeout; stopped: boolean };
type WithSweeper = typeof globalThis & { [GLOBAL_KEY]?: Sweeper };

/**
 * Starts the loop once per process; whether to run at all is lib/engine's call (STUDIO_SWEEP).
 * A tick starts `interval` after the last one ended, or at once when the last one found a full
 * batch (500 jobs in their first minute need ~100 polls a second: one batch per 2 s would poll
 * them half as often as their schedule says).
 */
export function startSweeper(): void {
  const holder = globalThis as WithSweeper;
  if (holder[GLOBAL_KEY]) return;
  const sweeper: Sweeper = { stopped: false };
  holder[GLOBAL_KEY] = sweeper;
  const intervalMs = Math.max(250, 2_000 * env.pollScale);
  const next = (delayMs: number) => {
    if (sweeper.stopped) return;
    sweeper.timer = setTimeout(tick, delayMs);
    sweeper.timer.unref();
  };
  const tick = () => {
    void runSweep()
      .then((result) => result.more)
      .catch((error: unknown) => {
        console.error("[sweep]", error);
        return false;
      })
      .then((more) => next(more ? 0 : intervalMs));
  };
  next(intervalMs);
  console.log(`Sweep started: polls, archives and retention every ${intervalMs} ms (at once while work is waiting).`);
}

/** Stops the loop (a tick in flight finishes on its own and starts no other). */
export function stopSweeper(): void {
  const holder = globalThis as WithSweeper;
  const sweeper = holder[GLOBAL_KEY];
  if (sweeper) {
    sweeper.stopped = true;
    clearTimeout(sweeper.timer);
  }
  delete holder[GLOBAL_KEY];
}
