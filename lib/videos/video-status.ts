import "server-only";
import { syncDueTasks } from "./sync-video-status";
import { readVideosByIds } from "./list-videos";
import { pollDelayMs } from "./poll-schedule";
import { authorizeVideo, type VideoActor } from "./video-access";
import type { VideoDto } from "./video-dto";

/**
 * The status route's answer: polls the due ones among `ids` (the engine decides what is due),
 * then reads them all. Checked first (`videos.read`), even for an empty list. A failed sync is not
 * the viewer's problem: the stored state is still the best answer, and the sweep and the next
 * request will try again.
 */
export async function videoStatuses(
  actor: VideoActor,
  ids: string[],
): Promise<{ items: VideoDto[]; pollAfterMs: number }> {
  const viewer = await authorizeVideo(actor, "videos.read");
  if (ids.length === 0) return { items: [], pollAfterMs: pollAfterMs() };
  try {
    await syncDueTasks({ teamId: viewer.teamId, taskIds: ids });
  } catch (error) {
    console.error("status: syncDueTasks failed", error);
  }
  // Already checked above: one membership read per status request in lib, not two.
  return { items: await readVideosByIds(viewer, ids), pollAfterMs: pollAfterMs() };
}

// The browser asks as often as the engine would poll a young job (5 s, scaled in tests): asking
// faster only re-reads the database, asking slower makes the progress bar lag.
function pollAfterMs(): number {
  return Math.max(500, Math.round(pollDelayMs(0)));
}
