import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { CONNECTION_ROW_SELECT, providerForConnection } from "@/lib/upstream/connections";
import { classifyProviderError } from "@/lib/upstream/provider-errors";
import { removeTaskMedia } from "@/lib/storage/media-store";
import { TeamAccessError } from "@/lib/teams/authorize";
import { canDeleteVideo } from "@/lib/teams/permissions";
import { addTaskEvent } from "./task-events";
import { authorizeVideo, type VideoActor } from "./video-access";

/** A member asked to delete someone else's video: a "forbidden" refusal like any other. */
export class VideoDeleteForbiddenError extends TeamAccessError {
  constructor() {
    super("forbidden");
  }
}

/**
 * Removes our copy and the provider's job (where the provider allows: only completed or failed
 * jobs), then hides the task. The charge stays in the ledger: the money was spent. A member may
 * delete their own videos (`videos.delete.own`); an admin or owner any (`videos.delete.any`).
 * Returns false when the task is not this team's; a non-member gets TeamAccessError("not_found").
 */
export async function deleteVideo(actor: VideoActor, taskId: string): Promise<boolean> {
  const viewer = await authorizeVideo(actor, "videos.delete.own");
  const task = await db.videoTask.findFirst({
    where: { id: taskId, teamId: viewer.teamId, deletedAt: null },
    select: {
      id: true,
      createdById: true,
      providerJobId: true,
      status: true,
      connection: { select: CONNECTION_ROW_SELECT },
    },
  });
  if (!task) return false;
  if (!canDeleteVideo(viewer.role, task.createdById === viewer.userId)) throw new VideoDeleteForbiddenError();
  let upstream = "not attempted";
  if (task.providerJobId && (task.status === "completed" || task.status === "failed")) {
    try {
      const { adapter, connection } = providerForConnection(task.connection);
      if (adapter.delete) {
        await adapter.delete(connection, task.providerJobId, { timeoutMs: 20_000 });
        upstream = "deleted upstream";
      } else upstream = "no delete in this dialect";
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
      data: {
        deletedAt: new Date(),
        nextPollAt: null,
        archiveStatus: "none",
        videoPath: null,
        thumbnailPath: null,
        spritesheetPath: null,
        referenceImagePath: null,
        reservedCents: 0,
      },
    });
    await addTaskEvent(tx, taskId, { type: "deleted", message: upstream });
    await recordAudit(tx, {
      teamId: viewer.teamId,
      actorId: viewer.userId,
      action: "video.deleted",
      targetId: taskId,
      data: { upstream },
    });
  });
  return true;
}
