import "server-only";
import { db } from "@/lib/db";
import { authorizeVideo, type VideoActor } from "./video-access";

// The order of the studio's API list (GET /api/v1/videos): OpenAI's cursor is the id of the last
// video of the previous page (`after`), in either direction. The keyset is (createdAt, id) on the
// gallery's index (teamId, createdAt, id); a cursor whose video was deleted since keeps its place.

export type ApiPageQuery = { limit: number; after?: string; order: "asc" | "desc" };

/** One page of the team's video ids, or null when `after` is no video of this team. */
export async function apiVideoIdPage(
  actor: VideoActor,
  query: ApiPageQuery,
): Promise<{ ids: string[]; hasMore: boolean } | null> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const cursor = query.after
    ? await db.videoTask.findFirst({
        where: { id: query.after, teamId: viewer.teamId },
        select: { id: true, createdAt: true },
      })
    : null;
  if (query.after && !cursor) return null;
  const beyond = query.order === "desc" ? "lt" : "gt";
  const rows = await db.videoTask.findMany({
    where: {
      teamId: viewer.teamId,
      deletedAt: null,
      ...(cursor
        ? {
            createdAt: { [query.order === "desc" ? "lte" : "gte"]: cursor.createdAt },
            OR: [{ createdAt: { [beyond]: cursor.createdAt } }, { id: { [beyond]: cursor.id } }],
          }
        : {}),
    },
    orderBy: [{ createdAt: query.order }, { id: query.order }],
    take: query.limit + 1,
    select: { id: true },
  });
  return { ids: rows.slice(0, query.limit).map((r) => r.id), hasMore: rows.length > query.limit };
}
