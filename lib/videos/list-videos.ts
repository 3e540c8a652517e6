import { db } from "@/lib/db";
import { cardAt, readCards, type CardQuery, type CardRow } from "./card-rows";
import { mediaUrl, toEventDto, toVideoDto, type ViewerContext } from "./task-dto";
import { authorizeVideo, type VideoActor } from "./video-access";
import type { VideoDto, VideoEventDto, VideoPage } from "./video-dto";
import { cleanSingleLineText } from "@/lib/text/clean-text";

export type VideoFilters = {
  cursor?: string;
  status?: "active" | "completed" | "failed";
  model?: string;
  mine?: boolean;
  q?: string;
  favourites?: boolean;
  collection?: string;
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

/** Prompt search: the cleaned query, and whether a trigram index can serve it (3+ characters). */
function searchText(q: string | undefined): { text: string; indexed: boolean } | undefined {
  // Cleaned like the stored prompts (a NUL would be refused by PostgreSQL).
  const text = cleanSingleLineText(q ?? "").slice(0, 200);
  if (!text) return undefined;
  return { text, indexed: [...text].length >= MIN_INDEXED_SEARCH };
}

/** Trigram indexes need three characters; shorter queries scan the team newest first (decision 017). */
export const MIN_INDEXED_SEARCH = 3;

/**
 * A 1–2 character search reads at most this many of the team's videos per request (~10 ms on
 * either database): a page may come back short, even empty, with a cursor to go on from where
 * the scan stopped, and the gallery keeps loading. Without the bound, a string found nowhere read
 * the whole team in one request (~80 ms at 100,000 videos, the event loop blocked on SQLite).
 */
export const SHORT_SEARCH_WINDOW = 10_000;

/**
 * A page of `take` cards; a short search reads a small window first (a frequent word fills the
 * page there), then the whole SHORT_SEARCH_WINDOW. `windowEnd` is where the reading stopped.
 */
async function readPage(query: CardQuery, take: number) {
  if (!query.search || query.search.indexed)
    return { rows: await readCards({ ...query, limit: take }), windowEnd: null };
  let windowEnd: { at: Date; id: string } | null = null;
  let rows: CardRow[] = [];
  for (const size of [SHORT_SEARCH_WINDOW / 10, SHORT_SEARCH_WINDOW]) {
    windowEnd = await cardAt(query, size);
    rows = await readCards({ ...query, from: windowEnd ?? undefined, limit: take });
    if (rows.length === take || !windowEnd) break;
  }
  return { rows, windowEnd };
}

/** The favourites and collection filters as card conditions (a collection of another team matches nothing: the rows are this team's). */
export function libraryConditions(
  viewer: ViewerContext,
  filters: Pick<VideoFilters, "favourites" | "collection">,
): Pick<CardQuery, "favouritesOf" | "collectionId"> {
  return {
    favouritesOf: filters.favourites ? viewer.userId : undefined,
    collectionId: filters.collection || undefined,
  };
}

/** The gallery filters as a card query for this viewer (the list and a selection read the same rows). */
export function filterQuery(viewer: ViewerContext, filters: Omit<VideoFilters, "cursor" | "limit">): CardQuery {
  return {
    teamId: viewer.teamId,
    model: filters.model || undefined,
    createdById: filters.mine ? viewer.userId : undefined,
    status: filters.status,
    search: searchText(filters.q),
    ...libraryConditions(viewer, filters),
  };
}

/** The team's videos, newest first, keyset-paginated on (createdAt, id). */
export async function listVideos(actor: VideoActor, filters: VideoFilters = {}): Promise<VideoPage> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const limit = Math.min(Math.max(filters.limit ?? 24, 1), 60);
  const cursor = decodeCursor(filters.cursor);
  const query: CardQuery = {
    ...filterQuery(viewer, filters),
    before: cursor ? { at: new Date(cursor.at), id: cursor.id } : undefined,
  };
  const { rows, windowEnd } = await readPage(query, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  // A full page goes on after its last card; a short one after the scan's window, if it had one.
  const next = rows.length > limit && last ? { at: last.createdAt, id: last.id } : windowEnd;
  return {
    items: page.map((row) => toVideoDto(row, viewer)),
    nextCursor: next ? encodeCursor({ at: next.at.toISOString(), id: next.id }) : null,
  };
}

/** The given tasks of this team only (ids of other teams are silently absent). */
export async function videosByIds(actor: VideoActor, ids: string[]): Promise<VideoDto[]> {
  const viewer = await authorizeVideo(actor, "videos.read");
  return (await readCardsByIds(viewer, ids)).map((row) => toVideoDto(row, viewer));
}

/** The rows of videosByIds for a viewer `authorizeVideo` has just checked (the status route's hot path). */
export function readCardsByIds(viewer: ViewerContext, ids: string[]): Promise<CardRow[]> {
  const wanted = [...new Set(ids)].filter((id) => typeof id === "string" && id.length <= 64).slice(0, 100);
  return readCards({ teamId: viewer.teamId, ids: wanted });
}

export async function getVideoDetail(
  actor: VideoActor,
  taskId: string,
): Promise<{ video: VideoDto; events: VideoEventDto[]; referenceImageUrl: string | null } | null> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const [row] = await readCards({ teamId: viewer.teamId, ids: [taskId] });
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
