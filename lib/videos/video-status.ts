import "server-only";
import { syncDueTasks } from "./sync-video-status";
import { readCardsByIds } from "./list-videos";
import { toVideoDto } from "./task-dto";
import { pollDelayMs } from "./poll-schedule";
import { authorizeVideo, type VideoActor } from "./video-access";
import type { VideoDto } from "./video-dto";

/**
 * The status route's answer: reads the cards of `ids`, polls the due ones among them (the engine
 * decides what is due, under its lease), then reads those again. Checked first (`videos.read`),
 * even for an empty list. With nothing due (the common case) that is the membership and one
 * statement. A failed sync is not the viewer's problem: the stored state is still the best
 * answer, and the sweep and the next request will try again.
 */
export async function videoStatuses(
  actor: VideoActor,
  ids: string[],
): Promise<{ items: VideoDto[]; pollAfterMs: number }> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const now = new Date();
  let rows = await readCardsByIds(viewer, ids);
  const due = new Set(rows.filter((row) => row.nextPollAt && row.nextPollAt <= now).map((row) => row.id));
  if (due.size > 0) {
    try {
      await syncDueTasks({ teamId: viewer.teamId, taskIds: [...due], now });
    } catch (error) {
      console.error("status: syncDueTasks failed", error);
    }
    // A task deleted meanwhile drops out, as it would from a fresh read.
    const fresh = new Map((await readCardsByIds(viewer, [...due])).map((row) => [row.id, row]));
    rows = rows.flatMap((row) => (!due.has(row.id) ? [row] : fresh.has(row.id) ? [fresh.get(row.id)!] : []));
  }
  return { items: rows.map((row) => toVideoDto(row, viewer, now)), pollAfterMs: pollAfterMs() };
}

// The browser asks as often as the engine would poll a young job (5 s, scaled in tests): asking
// faster only re-reads the database, asking slower makes the progress bar lag.
function pollAfterMs(): number {
  return Math.max(500, Math.round(pollDelayMs(0)));
}
