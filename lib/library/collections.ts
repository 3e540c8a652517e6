import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { TeamAccessError } from "@/lib/teams/authorize";
import { canManageCollection } from "@/lib/teams/permissions";
import { cleanSingleLineText } from "@/lib/text/clean-text";
import { authorizeVideo, type VideoActor } from "@/lib/videos/video-access";
import type { ViewerContext } from "@/lib/videos/task-dto";
import { cleanIds } from "./ids";

// Collections: named sets of the team's videos, shared by the whole team; a video can be in
// several (decision 071). Everyone creates collections and adds or removes videos
// (`collections.edit`); a collection's creator, an admin or the owner renames or deletes it
// (`canManageCollection`). A collection and its items never leave their team: every read and
// write is scoped to the viewer's team, and only this team's live videos can be added.

export const MAX_COLLECTION_NAME = 80;

export type CollectionDto = {
  id: string;
  name: string;
  /** Live videos in it (deleted ones drop out). */
  count: number;
  createdById: string;
  /** May the viewer rename or delete it? (the server checks again) */
  canManage: boolean;
};

/** The name is taken in this team (names are unique per team). */
export class CollectionNameTakenError extends Error {
  constructor() {
    super("collection name taken");
  }
}

/** A blank or too long name. */
export class CollectionNameInvalidError extends Error {
  constructor() {
    super("collection name invalid");
  }
}

function cleanName(name: string): string {
  const clean = cleanSingleLineText(name).trim();
  if (!clean || [...clean].length > MAX_COLLECTION_NAME) throw new CollectionNameInvalidError();
  return clean;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function toDto(
  viewer: ViewerContext,
  row: { id: string; name: string; createdById: string; _count: { items: number } },
): CollectionDto {
  return {
    id: row.id,
    name: row.name,
    count: row._count.items,
    createdById: row.createdById,
    canManage: canManageCollection(viewer.role, row.createdById === viewer.userId),
  };
}

const DTO_SELECT = {
  id: true,
  name: true,
  createdById: true,
  _count: { select: { items: { where: { task: { deletedAt: null } } } } },
} as const;

/** The team's collections, by name. */
export async function listCollections(actor: VideoActor): Promise<CollectionDto[]> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const rows = await db.collection.findMany({
    where: { teamId: viewer.teamId },
    orderBy: { name: "asc" },
    select: DTO_SELECT,
    take: 500,
  });
  return rows.map((row) => toDto(viewer, row));
}

/** A new collection, with these of the team's videos in it (a selection), if any. */
export async function createCollection(
  actor: VideoActor,
  name: string,
  taskIds: readonly string[] = [],
): Promise<CollectionDto> {
  const viewer = await authorizeVideo(actor, "collections.edit");
  const clean = cleanName(name);
  let id: string;
  try {
    ({ id } = await db.collection.create({
      data: { teamId: viewer.teamId, name: clean, createdById: viewer.userId },
      select: { id: true },
    }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new CollectionNameTakenError();
    throw error;
  }
  await insertItems(viewer, id, cleanIds(taskIds));
  const row = await db.collection.findUniqueOrThrow({ where: { id }, select: DTO_SELECT });
  return toDto(viewer, row);
}

/** This team's collection or TeamAccessError("not_found") (another team's id reads as unknown). */
async function teamCollection(viewer: ViewerContext, collectionId: string) {
  const row =
    collectionId.length <= 64
      ? await db.collection.findFirst({
          where: { id: collectionId, teamId: viewer.teamId },
          select: { id: true, createdById: true },
        })
      : null;
  if (!row) throw new TeamAccessError("not_found");
  return row;
}

async function manageable(actor: VideoActor, collectionId: string) {
  const viewer = await authorizeVideo(actor, "collections.edit");
  const row = await teamCollection(viewer, collectionId);
  if (!canManageCollection(viewer.role, row.createdById === viewer.userId)) throw new TeamAccessError("forbidden");
  return { viewer, row };
}

/** Renames a collection: its creator, an admin or the owner. */
export async function renameCollection(actor: VideoActor, collectionId: string, name: string): Promise<void> {
  const { row } = await manageable(actor, collectionId);
  try {
    await db.collection.update({ where: { id: row.id }, data: { name: cleanName(name) } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CollectionNameTakenError();
    throw error;
  }
}

/** Deletes a collection (its videos stay in the gallery): its creator, an admin or the owner. */
export async function deleteCollection(actor: VideoActor, collectionId: string): Promise<void> {
  const { row } = await manageable(actor, collectionId);
  await db.collection.delete({ where: { id: row.id } });
}

/** One statement, idempotent: only this team's live videos; returns how many were new in it. */
function insertItems(viewer: ViewerContext, collectionId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return Promise.resolve(0);
  return db.$executeRaw(
    Prisma.sql`INSERT INTO "CollectionItem" ("collectionId", "taskId", "addedById", "createdAt")
      SELECT ${collectionId}, "id", ${viewer.userId}, ${new Date()} FROM "VideoTask"
      WHERE "teamId" = ${viewer.teamId} AND "deletedAt" IS NULL AND "id" IN (${Prisma.join(ids)})
      ON CONFLICT DO NOTHING`,
  );
}

/** Adds these videos (this team's, live) to one of the team's collections; returns how many were new in it. */
export async function addToCollection(
  actor: VideoActor,
  collectionId: string,
  taskIds: readonly string[],
): Promise<number> {
  const viewer = await authorizeVideo(actor, "collections.edit");
  await teamCollection(viewer, collectionId);
  const added = await insertItems(viewer, collectionId, cleanIds(taskIds));
  await db.collection.update({ where: { id: collectionId }, data: { updatedAt: new Date() } });
  return added;
}

/** Takes these videos out of one of the team's collections; returns how many were in it. */
export async function removeFromCollection(
  actor: VideoActor,
  collectionId: string,
  taskIds: readonly string[],
): Promise<number> {
  const viewer = await authorizeVideo(actor, "collections.edit");
  await teamCollection(viewer, collectionId);
  const ids = cleanIds(taskIds);
  if (ids.length === 0) return 0;
  return (await db.collectionItem.deleteMany({ where: { collectionId, taskId: { in: ids } } })).count;
}

/** What the detail page shows for one video: the viewer's favourite mark and the collections it is in. */
export async function videoLibraryState(
  actor: VideoActor,
  taskId: string,
): Promise<{ favourite: boolean; collectionIds: string[] }> {
  const viewer = await authorizeVideo(actor, "videos.read");
  if (taskId.length > 64) return { favourite: false, collectionIds: [] };
  const [favourite, items] = await Promise.all([
    db.favourite.findUnique({
      where: { userId_taskId: { userId: viewer.userId, taskId } },
      select: { teamId: true },
    }),
    db.collectionItem.findMany({
      where: { taskId, collection: { teamId: viewer.teamId } },
      select: { collectionId: true },
    }),
  ]);
  return { favourite: favourite?.teamId === viewer.teamId, collectionIds: items.map((i) => i.collectionId) };
}
