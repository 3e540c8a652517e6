import "server-only";
import { db } from "@/lib/db";
import { readCards } from "./card-rows";
import { toVideoDto } from "./task-dto";
import { authorizeVideo, type VideoActor } from "./video-access";
import type { VideoDto } from "./video-dto";

// The order of the studio's API list (GET /api/v1/videos): OpenAI's cursor is the id of the last
// video of the previous page (`after`), in either direction. The keyset is (createdAt, id) on the
// gallery's index (teamId, createdAt, id); a cursor whose video was deleted since keeps its place.

export type ApiPageQuery = { limit: number; after?: string; order: "asc" | "desc" };

/** One page of the team's videos (cards read once, as the gallery reads them), or null when `after` is no video of this team. */
export async function apiVideoPage(
  actor: VideoActor,
  query: ApiPageQuery,
): Promise<{ items: VideoDto[]; hasMore: boolean } | null> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const cursor = query.after
    ? await db.videoTask.findFirst({
        where: { id: query.after, teamId: viewer.teamId },
        select: { id: true, createdAt: true },
      })
    : null;
  if (query.after && !cursor) return null;
  const bound = cursor ? { at: cursor.createdAt, id: cursor.id } : undefined;
  const rows = await readCards({
    teamId: viewer.teamId,
    order: query.order,
    ...(query.order === "desc" ? { before: bound } : { after: bound }),
    limit: query.limit + 1,
  });
  return {
    items: rows.slice(0, query.limit).map((row) => toVideoDto(row, viewer)),
    hasMore: rows.length > query.limit,
  };
}
