import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { mediaUrl, TASK_DTO_SELECT, toEventDto, toVideoDto, type ViewerContext } from "./task-dto";
import { authorizeVideo, type VideoActor } from "./video-access";
import type { VideoDto, VideoEventDto, VideoPage } from "./video-dto";
import { cleanSingleLineText } from "@/lib/text/clean-text";

export type VideoFilters = {
  cursor?: string;
  status?: "active" | "completed" | "failed";
  model?: string;
  mine?: boolean;
  q?: string;
  limit?: number;
};

type Cursor = { at: string; id: string };

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString("base64url");
}

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && typeof id === "string" && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // A bad cursor reads as "from the start", not as an error page.
  }
  return null;
}

function statusWhere(status: VideoFilters["status"]) {
  if (status === "completed") return { status: "completed" };
  if (status === "failed") return { status: "failed" };
  if (status === "active")
    return { OR: [{ status: { notIn: ["completed", "failed"] } }, { archiveStatus: "pending" }] };
  return {};
}

function promptWhere(q: string | undefined) {
  // Cleaned like the stored prompts (a NUL would be refused by PostgreSQL).
  const text = cleanSingleLineText(q ?? "").slice(0, 200);
  if (!text) return {};
  // SQLite's LIKE is already case-insensitive for ASCII; PostgreSQL needs mode: insensitive.
  const contains = env.databaseProvider === "postgresql" ? { contains: text, mode: "insensitive" } : { contains: text };
  return { prompt: contains as { contains: string } };
}

/** The team's videos, newest first, keyset-paginated on (createdAt, id). */
export async function listVideos(actor: VideoActor, filters: VideoFilters = {}): Promise<VideoPage> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const limit = Math.min(Math.max(filters.limit ?? 24, 1), 60);
  const cursor = decodeCursor(filters.cursor);
  const rows = await db.videoTask.findMany({
    where: {
      teamId: viewer.teamId,
      deletedAt: null,
      ...(filters.model ? { model: filters.model } : {}),
      ...(filters.mine ? { createdById: viewer.userId } : {}),
      ...promptWhere(filters.q),
      AND: [
        statusWhere(filters.status),
        cursor
          ? {
              OR: [
                { createdAt: { lt: new Date(cursor.at) } },
                { createdAt: new Date(cursor.at), id: { lt: cursor.id } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: TASK_DTO_SELECT,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => toVideoDto(row, viewer)),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/** The given tasks of this team only (ids of other teams are silently absent). */
export async function videosByIds(actor: VideoActor, ids: string[]): Promise<VideoDto[]> {
  return readVideosByIds(await authorizeVideo(actor, "videos.read"), ids);
}

/** videosByIds for a viewer `authorizeVideo` has just checked (the status route's hot path). */
export async function readVideosByIds(viewer: ViewerContext, ids: string[]): Promise<VideoDto[]> {
  const wanted = [...new Set(ids)].filter((id) => typeof id === "string" && id.length <= 64).slice(0, 100);
  if (wanted.length === 0) return [];
  const rows = await db.videoTask.findMany({
    where: { teamId: viewer.teamId, deletedAt: null, id: { in: wanted } },
    select: TASK_DTO_SELECT,
  });
  return rows.map((row) => toVideoDto(row, viewer));
}

export async function getVideoDetail(
  actor: VideoActor,
  taskId: string,
): Promise<{ video: VideoDto; events: VideoEventDto[]; referenceImageUrl: string | null } | null> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const row = await db.videoTask.findFirst({
    where: { id: taskId, teamId: viewer.teamId, deletedAt: null },
    select: TASK_DTO_SELECT,
  });
  if (!row) return null;
  const events = await db.videoTaskEvent.findMany({
    where: { taskId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  return {
    video: toVideoDto(row, viewer),
    events: events.map(toEventDto),
    referenceImageUrl: row.referenceImagePath ? mediaUrl(row.teamId, row.id, "reference") : null,
  };
}
