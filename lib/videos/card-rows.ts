import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { KEEP_PREPARED } from "@/lib/db/pg-statements";
import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import type { TaskForDto } from "./task-dto";

// The one read of video cards (gallery pages, the status route, the detail page, a new task): a
// single statement with the creator, the charge, the connection and the API token joined, so a page costs one
// round trip whatever its size (issue 11, item 3; Prisma's relation loading sends one statement
// per relation). Every shape has an index on both databases (decision 017), checked by
// tests/integration/performance/query-plans.test.ts.

type Sql = Prisma.Sql;

export type CardQuery = {
  teamId: string;
  ids?: string[];
  idempotencyKey?: string;
  model?: string;
  createdById?: string;
  status?: "active" | "completed" | "failed";
  /** Strictly older than this (createdAt, id) in the gallery's newest-first order. */
  before?: { at: Date; id: string };
  /** Strictly newer than this (createdAt, id): the API's ascending pages. */
  after?: { at: Date; id: string };
  /** Newest first (the default) or oldest first. */
  order?: "asc" | "desc";
  /** This (createdAt, id) or newer: the end of a bounded scan (short searches, `cardAt`). */
  from?: { at: Date; id: string };
  /** Prompt search: the cleaned text, and whether a trigram index can serve it (3+ characters). */
  search?: { text: string; indexed: boolean };
  /** This person's favourites only (Favourite's (teamId, userId, …) index; decision 071). */
  favouritesOf?: string;
  /** The videos of this collection only (CollectionItem's primary key). */
  collectionId?: string;
  /** Only videos whose archived copy is there (the zip export). */
  archived?: boolean;
  limit?: number;
  /** Deleted tasks too (a repeated idempotency key answers with its task, deleted or not). */
  withDeleted?: boolean;
};

/**
 * A card's row, with `nextPollAt` for the status route's "is any of them due" check and
 * `videoBytes` for the zip export's total.
 */
export type CardRow = TaskForDto & { nextPollAt: Date | null; videoBytes: number | null };

const T = Prisma.raw(`"VideoTask"`);

const COLUMNS = Prisma.raw(
  [
    "id",
    "teamId",
    "channel",
    "status",
    "progress",
    "model",
    "size",
    "seconds",
    "prompt",
    "createdAt",
    "completedAt",
    "createdById",
    "estimateCents",
    "errorCode",
    "errorMessage",
    "providerJobId",
    "providerExpiresAt",
    "archiveStatus",
    "retainUntil",
    "referenceImagePath",
    "remixOfTaskId",
    "videoPath",
    "thumbnailPath",
    "spritesheetPath",
    "videoBytes",
    "nextPollAt",
    "lastProgressAt",
    "connectionId",
  ]
    .map((c) => `"VideoTask"."${c}"`)
    .concat([
      `"User"."name" AS "creatorName"`,
      `"User"."email" AS "creatorEmail"`,
      `"Charge"."amountCents" AS "chargeCents"`,
      `"ProviderConnection"."name" AS "connectionName"`,
      `"ApiToken"."name" AS "apiTokenName"`,
    ])
    .join(", "),
);

const JOINS = Prisma.raw(
  `JOIN "User" ON "User"."id" = "VideoTask"."createdById" ` +
    `LEFT JOIN "Charge" ON "Charge"."taskId" = "VideoTask"."id" ` +
    `LEFT JOIN "ProviderConnection" ON "ProviderConnection"."id" = "VideoTask"."connectionId" ` +
    `LEFT JOIN "ApiToken" ON "ApiToken"."id" = "VideoTask"."apiTokenId"`,
);

/** LIKE's wildcards in a user's text, escaped for `ESCAPE '\'`. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function conditions(q: CardQuery): Sql[] {
  const where: Sql[] = [Prisma.sql`${T}."teamId" = ${q.teamId}`];
  if (!q.withDeleted) where.push(Prisma.sql`${T}."deletedAt" IS NULL`);
  if (q.ids) where.push(Prisma.sql`${T}."id" IN (${Prisma.join(q.ids)})`);
  if (q.idempotencyKey !== undefined) where.push(Prisma.sql`${T}."idempotencyKey" = ${q.idempotencyKey}`);
  if (q.model) where.push(Prisma.sql`${T}."model" = ${q.model}`);
  if (q.createdById) where.push(Prisma.sql`${T}."createdById" = ${q.createdById}`);
  if (q.status === "completed" || q.status === "failed") where.push(Prisma.sql`${T}."status" = ${q.status}`);
  // "Still in progress": any status but completed and failed (providers' unknown ones too), or an
  // archive still pending. `NOT IN` cannot use an index; the three ranges around the two values
  // are the same rows and each is a range of (teamId, status, createdAt, id) (decision 017).
  if (q.status === "active")
    where.push(
      Prisma.sql`(${T}."status" < 'completed' OR (${T}."status" > 'completed' AND ${T}."status" < 'failed') OR ${T}."status" > 'failed' OR ${T}."archiveStatus" = 'pending')`,
    );
  // (createdAt, id) < (at, id) as an index range: the first bound starts the (teamId, createdAt, id)
  // range at the cursor, the OR only sorts out the rows of that one instant.
  if (q.before)
    where.push(
      Prisma.sql`${T}."createdAt" <= ${q.before.at} AND (${T}."createdAt" < ${q.before.at} OR ${T}."id" < ${q.before.id})`,
    );
  if (q.after)
    where.push(
      Prisma.sql`${T}."createdAt" >= ${q.after.at} AND (${T}."createdAt" > ${q.after.at} OR ${T}."id" > ${q.after.id})`,
    );
  if (q.from)
    where.push(
      Prisma.sql`${T}."createdAt" >= ${q.from.at} AND (${T}."createdAt" > ${q.from.at} OR ${T}."id" >= ${q.from.id})`,
    );
  if (q.search) where.push(searchCondition(q.search));
  if (q.favouritesOf)
    where.push(
      Prisma.sql`${T}."id" IN (SELECT "taskId" FROM "Favourite" WHERE "Favourite"."teamId" = ${q.teamId} AND "Favourite"."userId" = ${q.favouritesOf})`,
    );
  if (q.collectionId)
    where.push(
      Prisma.sql`${T}."id" IN (SELECT "taskId" FROM "CollectionItem" WHERE "CollectionItem"."collectionId" = ${q.collectionId})`,
    );
  if (q.archived) where.push(Prisma.sql`${T}."archiveStatus" = 'done' AND ${T}."videoPath" IS NOT NULL`);
  return where;
}

function searchCondition(search: { text: string; indexed: boolean }): Sql {
  if (env.databaseProvider === "postgresql")
    // ILIKE: the pg_trgm GIN index serves it from three characters on.
    return Prisma.sql`${T}."prompt" ILIKE ${likePattern(search.text)}`;
  if (!search.indexed) return Prisma.sql`${T}."prompt" LIKE ${likePattern(search.text)} ESCAPE '\\'`;
  // SQLite, 3+ characters: the FTS5 trigram index (VideoTaskSearch, kept by triggers). A quoted
  // FTS5 string is one phrase: with the trigram tokenizer, the text as a substring. `+rowid` keeps
  // the planner walking the team's index newest first and testing each row against the matches,
  // which stops at a full page (looking each match up and sorting them costs ~50 ms for a word in
  // 10% of 100,000 prompts).
  const phrase = `"${search.text.replaceAll('"', '""')}"`;
  return Prisma.sql`+${T}."rowid" IN (SELECT "rowid" FROM "VideoTaskSearch" WHERE "VideoTaskSearch" MATCH ${phrase})`;
}

type RawCard = Omit<
  CardRow,
  "createdBy" | "charge" | "connection" | "progress" | "seconds" | "estimateCents" | "videoBytes"
> & {
  progress: number | bigint;
  videoBytes: number | bigint | null;
  seconds: number | bigint;
  estimateCents: number | bigint;
  connectionId: string | null;
  creatorName: string | null;
  creatorEmail: string;
  chargeCents: number | bigint | null;
  connectionName: string | null;
};

function toCardRow(raw: RawCard): CardRow {
  const { creatorName, creatorEmail, chargeCents, connectionName, connectionId, ...task } = raw;
  return {
    ...task,
    progress: Number(raw.progress),
    seconds: Number(raw.seconds),
    estimateCents: Number(raw.estimateCents),
    videoBytes: raw.videoBytes === null ? null : Number(raw.videoBytes),
    createdBy: { id: raw.createdById, name: creatorName, email: creatorEmail },
    charge: chargeCents === null ? null : { amountCents: Number(chargeCents) },
    connection: connectionId && connectionName !== null ? { id: connectionId, name: connectionName } : null,
  };
}

/** The cards matching `q`, newest first (or oldest first). */
export async function readCards(q: CardQuery): Promise<CardRow[]> {
  if (q.ids?.length === 0) return [];
  const limit = q.limit ? Prisma.sql`LIMIT ${q.limit}` : Prisma.empty;
  const order = Prisma.raw(q.order === "asc" ? "ASC" : "DESC");
  // Kept prepared on PostgreSQL (lib/db/pg-statements.ts), except a search: its plan depends on the text.
  const keep = Prisma.raw(q.search ? "" : KEEP_PREPARED);
  const rows = await db.$queryRaw<RawCard[]>(
    Prisma.sql`SELECT ${COLUMNS} FROM ${T} ${JOINS} WHERE ${Prisma.join(conditions(q), " AND ")} ORDER BY ${T}."createdAt" ${order}, ${T}."id" ${order} ${limit}${keep}`,
  );
  return rows.map(toCardRow);
}

/** Only the ids of the cards matching `q`, newest first: a selection ("all matching the filters"). */
export async function cardIds(q: CardQuery): Promise<string[]> {
  if (q.ids?.length === 0) return [];
  const limit = q.limit ? Prisma.sql`LIMIT ${q.limit}` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT ${T}."id" FROM ${T} WHERE ${Prisma.join(conditions(q), " AND ")} ORDER BY ${T}."createdAt" DESC, ${T}."id" DESC ${limit}`,
  );
  return rows.map((row) => row.id);
}

/**
 * The (createdAt, id) of the `n`-th card matching `q` newest first (its search ignored), or null
 * when fewer match: where a bounded scan of the team's index ends. Reads only the index range.
 */
export async function cardAt(q: CardQuery, n: number): Promise<{ at: Date; id: string } | null> {
  const rows = await db.$queryRaw<{ createdAt: Date; id: string }[]>(
    Prisma.sql`SELECT ${T}."createdAt", ${T}."id" FROM ${T} WHERE ${Prisma.join(conditions({ ...q, search: undefined }), " AND ")} ORDER BY ${T}."createdAt" DESC, ${T}."id" DESC LIMIT 1 OFFSET ${n - 1}`,
  );
  const row = rows[0];
  return row ? { at: row.createdAt, id: row.id } : null;
}
