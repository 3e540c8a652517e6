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
  // "Still in progress": any status but completed and failed (providers' unknown ones too), or an
  // archive still pending. `status NOT IN (…)` cannot use an index; the three ranges around the
  // two values are the same rows for a NOT NULL column and each is a range of
  // (teamId, status, createdAt, id), so both databases union four index ranges (decision 017).
  if (status === "active")
    return {
      OR: [
        { status: { lt: "completed" } },
        { status: { gt: "completed", lt: "failed" } },
        { status: { gt: "failed" } },
        { archiveStatus: "pending" },
      ],
    };
  return {};
}

/** The keyset after `cursor` in (createdAt DESC, id DESC) order. */
function afterCursor(cursor: Cursor | null) {
  if (!cursor) return {};
  const at = new Date(cursor.at);
  // (createdAt, id) < (at, id) as an index range: the first bound starts the (teamId, createdAt, id)
  // range at the cursor, the OR only sorts out the rows of that one instant. Written as a bare OR,
  // the range has no upper bound and deep pages read every newer video first.
  return { createdAt: { lte: at }, OR: [{ createdAt: { lt: at } }, { id: { lt: cursor.id } }] };
}

/** Prompt search: the cleaned query, and whether a trigram index can serve it (3+ characters). */
function searchText(q: string | undefined): { text: string; indexed: boolean } | null {
  // Cleaned like the stored prompts (a NUL would be refused by PostgreSQL).
  const text = cleanSingleLineText(q ?? "").slice(0, 200);
  if (!text) return null;
  return { text, indexed: [...text].length >= MIN_INDEXED_SEARCH };
}

/** Trigram indexes need three characters; shorter queries scan the team newest first (decision 017). */
export const MIN_INDEXED_SEARCH = 3;

function promptWhere(search: { text: string; indexed: boolean } | null) {
  if (!search) return {};
  // SQLite's LIKE is already case-insensitive for ASCII; PostgreSQL needs mode: insensitive (ILIKE,
  // which the pg_trgm GIN index serves from three characters on).
  const contains =
    env.databaseProvider === "postgresql" ? { contains: search.text, mode: "insensitive" } : { contains: search.text };
  return { prompt: contains as { contains: string } };
}

/**
 * SQLite, 3+ characters: the page's ids from the FTS5 trigram index (VideoTaskSearch, kept by
 * triggers), under the same filters, order and limit as the Prisma query. Prisma cannot join a
 * virtual table; the ids then go through that query, which applies every filter again.
 * `+rowid` keeps the planner walking the team's index newest first and testing each row against
 * the matches, which stops at a full page (looking each match up and sorting them all costs
 * ~50 ms for a word in 10% of 100,000 prompts).
 */
async function searchPageIdsSqlite(
  viewer: ViewerContext,
  filters: VideoFilters,
  cursor: Cursor | null,
  text: string,
  take: number,
): Promise<string[]> {
  const where = [`"teamId" = ?`, `"deletedAt" IS NULL`];
  const args: (string | number)[] = [viewer.teamId];
  if (filters.model) {
    where.push(`"model" = ?`);
    args.push(filters.model);
  }
  if (filters.mine) {
    where.push(`"createdById" = ?`);
    args.push(viewer.userId);
  }
  if (filters.status === "completed" || filters.status === "failed") {
    where.push(`"status" = ?`);
    args.push(filters.status);
  } else if (filters.status === "active") {
    where.push(
      `("status" < 'completed' OR ("status" > 'completed' AND "status" < 'failed') OR "status" > 'failed' OR "archiveStatus" = 'pending')`,
    );
  }
  if (cursor) {
    const at = sqliteDateTime(new Date(cursor.at));
    where.push(`"createdAt" <= ? AND ("createdAt" < ? OR "id" < ?)`);
    args.push(at, at, cursor.id);
  }
  // A quoted FTS5 string is one phrase: with the trigram tokenizer, the text as a substring.
  where.push(`+"VideoTask"."rowid" IN (SELECT "rowid" FROM "VideoTaskSearch" WHERE "VideoTaskSearch" MATCH ?)`);
  args.push(`"${text.replaceAll('"', '""')}"`);
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT "id" FROM "VideoTask" WHERE ${where.join(" AND ")} ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`,
    ...args,
    take,
  );
  return rows.map((row) => row.id);
}

/** A DateTime as @prisma/adapter-better-sqlite3 stores it (ISO 8601, "+00:00"), for raw SQL. */
function sqliteDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** The team's videos, newest first, keyset-paginated on (createdAt, id). */
export async function listVideos(actor: VideoActor, filters: VideoFilters = {}): Promise<VideoPage> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const limit = Math.min(Math.max(filters.limit ?? 24, 1), 60);
  const cursor = decodeCursor(filters.cursor);
  const search = searchText(filters.q);
  // Every shape of this query has an index (docs/decisions/017-query-plans-and-search.md).
  const ftsIds =
    search?.indexed && env.databaseProvider === "sqlite"
      ? await searchPageIdsSqlite(viewer, filters, cursor, search.text, limit + 1)
      : null;
  if (ftsIds?.length === 0) return { items: [], nextCursor: null };
  const rows = await db.videoTask.findMany({
    where: {
      teamId: viewer.teamId,
      deletedAt: null,
      ...(filters.model ? { model: filters.model } : {}),
      ...(filters.mine ? { createdById: viewer.userId } : {}),
      ...(ftsIds ? { id: { in: ftsIds } } : promptWhere(search)),
      AND: [statusWhere(filters.status), afterCursor(cursor)],
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
