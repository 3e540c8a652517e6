import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { providerClientFor } from "@/lib/upstream/provider-client";
import { classifyProviderError } from "@/lib/upstream/provider-errors";
import { removeTaskMedia } from "@/lib/storage/media-store";
import { addTaskEvent } from "./task-events";
import type { ViewerContext } from "./task-dto";

export class VideoDeleteForbiddenError extends Error {}

/**
 * Removes our copy and the provider's job (where the provider allows: only completed or failed
 * jobs), then hides the task. The charge stays in the ledger: the money was spent. A member may
 * delete their own videos; an admin or owner any. Returns false when the task is not this team's.
 */
export async function deleteVideo(viewer: ViewerContext, taskId: string): Promise<boolean> {
  const task = await db.videoTask.findFirst({
    where: { id: taskId, teamId: viewer.teamId, deletedAt: null },
    select: { id: true, createdById: true, providerJobId: true, status: true, team: { select: { providerChannel: true, providerBaseUrl: true, providerKeyCiphertext: true } } },
  });
  if (!task) return false;
  if (task.createdById !== viewer.userId && viewer.role === "MEMBER") throw new VideoDeleteForbiddenError();
  let upstream = "not attempted";
  if (task.providerJobId && (task.status === "completed" || task.status === "failed")) {
    try {
      await providerClientFor(task.team, { timeoutMs: 20_000 }).videos.delete(task.providerJobId);
      upstream = "deleted upstream";
    } catch (error) {
      const failure = classifyProviderError(error);
      upstream = failure.httpStatus === 404 ? "already gone upstream" : `upstream delete failed: ${failure.code}`;
    }
  }
  await removeTaskMedia(viewer.teamId, taskId);
  await db.$transaction(async (tx) => {
    await tx.videoTask.update({
      where: { id: taskId },
      // A running task stops being polled; its reservation is released (nothing archived, nothing charged).
      data: { deletedAt: new Date(), nextPollAt: null, archiveStatus: "none", videoPath: null, thumbnailPath: null, spritesheetPath: null, referenceImagePath: null, reservedCents: 0 },
    });
    await addTaskEvent(tx, taskId, { type: "deleted", message: upstream });
    await recordAudit(tx, { teamId: viewer.teamId, actorId: viewer.userId, action: "video.deleted", targetId: taskId, data: { upstream } });
  });
  return true;
}
