import "server-only";
import { db } from "@/lib/db";
import { TeamAccessError } from "@/lib/teams/authorize";
import { canDeleteVideo } from "@/lib/teams/permissions";
import { deleteVideo } from "@/lib/videos/delete-video";
import { authorizeVideo, type VideoActor } from "@/lib/videos/video-access";
import { cleanIds } from "./ids";

export type DeleteManyResult = {
  deleted: string[];
  /** Someone else's videos, for a member (the same rule as one: canDeleteVideo). */
  refused: string[];
  /** Not this team's, already deleted, or unknown. */
  missing: string[];
};

/** Upstream deletes run a few at a time: a provider is not hit with 500 requests at once. */
const CONCURRENCY = 4;

/**
 * Deletes many videos, each exactly as one (lib/videos/delete-video.ts: our files, the provider's
 * job, the task hidden, an audit entry). Members delete their own, admins and the owner any; the
 * others are reported as refused, not an error for the whole lot.
 */
export async function deleteVideos(actor: VideoActor, taskIds: readonly string[]): Promise<DeleteManyResult> {
  const viewer = await authorizeVideo(actor, "videos.delete.own");
  const ids = cleanIds(taskIds);
  const rows =
    ids.length === 0
      ? []
      : await db.videoTask.findMany({
          where: { id: { in: ids }, teamId: viewer.teamId, deletedAt: null },
          select: { id: true, createdById: true },
        });
  const owner = new Map(rows.map((row) => [row.id, row.createdById]));
  const result: DeleteManyResult = { deleted: [], refused: [], missing: [] };
  const queue: string[] = [];
  for (const id of ids) {
    const createdById = owner.get(id);
    if (createdById === undefined) result.missing.push(id);
    else if (!canDeleteVideo(viewer.role, createdById === viewer.userId)) result.refused.push(id);
    else queue.push(id);
  }
  // deleteVideo checks again (the data layer is safe whoever calls it): with the viewer's checked role.
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        if (await deleteVideo(actor, id)) result.deleted.push(id);
        else result.missing.push(id);
      } catch (error) {
        if (error instanceof TeamAccessError && error.reason === "forbidden") result.refused.push(id);
        else throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  const order = new Map(ids.map((id, index) => [id, index]));
  for (const list of Object.values(result)) list.sort((a, b) => order.get(a)! - order.get(b)!);
  return result;
}
