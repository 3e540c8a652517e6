import { db } from "@/lib/db";
import type { Permission } from "@/lib/teams/permissions";
import {
  addToCollection,
  createCollection,
  deleteCollection,
  listCollections,
  removeFromCollection,
  renameCollection,
  videoLibraryState,
} from "@/lib/library/collections";
import { deleteVideos } from "@/lib/library/delete-many";
import { favouriteIds, setFavourites } from "@/lib/library/favourites";
import { selectMatching } from "@/lib/library/selection";
import { exportVideosZip } from "@/lib/library/zip-export";

// The gallery library's operations (favourites, collections, selection, zip, delete many) for the
// access matrix: each runs as (actorId, teamId) on a fresh team's real rows: a video of the actor
// and one of `target`, a collection the actor made and one `target` made.

export type LibraryRows = { own: string; others: string; ownCollection: string; othersCollection: string };
export type LibraryOperation = {
  name: string;
  permission: Permission;
  run: (actorId: string, teamId: string, rows: LibraryRows) => Promise<unknown>;
};

export async function collectionOf(teamId: string, userId: string, taskIds: string[] = []): Promise<string> {
  const collection = await db.collection.create({
    data: {
      teamId,
      createdById: userId,
      name: `c-${userId}`,
      items: { create: taskIds.map((taskId) => ({ taskId, addedById: userId })) },
    },
    select: { id: true },
  });
  return collection.id;
}

const actor = (a: string, t: string) => ({ teamId: t, userId: a });

export const LIBRARY_OPERATIONS: LibraryOperation[] = [
  { name: "setFavourites", permission: "videos.read", run: (a, t, k) => setFavourites(actor(a, t), [k.others], true) },
  { name: "favouriteIds", permission: "videos.read", run: (a, t) => favouriteIds(actor(a, t)) },
  { name: "listCollections", permission: "videos.read", run: (a, t) => listCollections(actor(a, t)) },
  { name: "videoLibraryState", permission: "videos.read", run: (a, t, k) => videoLibraryState(actor(a, t), k.others) },
  {
    name: "selectMatching",
    permission: "videos.read",
    run: (a, t) => selectMatching(actor(a, t), { status: "completed" }),
  },
  {
    name: "exportVideosZip",
    permission: "videos.read",
    run: async (a, t, k) => (await exportVideosZip(actor(a, t), [k.others]))?.body.cancel(),
  },
  {
    name: "createCollection",
    permission: "collections.edit",
    run: (a, t, k) => createCollection(actor(a, t), "New", [k.others]),
  },
  {
    name: "addToCollection (someone else's collection)",
    permission: "collections.edit",
    run: (a, t, k) => addToCollection(actor(a, t), k.othersCollection, [k.own]),
  },
  {
    name: "removeFromCollection",
    permission: "collections.edit",
    run: (a, t, k) => removeFromCollection(actor(a, t), k.othersCollection, [k.others]),
  },
  {
    name: "renameCollection (own)",
    permission: "collections.edit",
    run: (a, t, k) => renameCollection(actor(a, t), k.ownCollection, "Renamed"),
  },
  {
    name: "deleteCollection (own)",
    permission: "collections.edit",
    run: (a, t, k) => deleteCollection(actor(a, t), k.ownCollection),
  },
  {
    name: "renameCollection (someone else's)",
    permission: "collections.manage.any",
    run: (a, t, k) => renameCollection(actor(a, t), k.othersCollection, "Renamed"),
  },
  {
    name: "deleteCollection (someone else's)",
    permission: "collections.manage.any",
    run: (a, t, k) => deleteCollection(actor(a, t), k.othersCollection),
  },
  { name: "deleteVideos (own)", permission: "videos.delete.own", run: (a, t, k) => deleteVideos(actor(a, t), [k.own]) },
];

/** What a refused library operation must leave as it was: favourites, collections and their items. */
export async function librarySnapshot(teamId: string): Promise<string> {
  const [favourites, collections, tasks] = await Promise.all([
    db.favourite.findMany({ where: { teamId }, select: { userId: true, taskId: true }, orderBy: { taskId: "asc" } }),
    db.collection.findMany({
      where: { teamId },
      select: { id: true, name: true, items: { select: { taskId: true }, orderBy: { taskId: "asc" } } },
      orderBy: { id: "asc" },
    }),
    db.videoTask.findMany({ where: { teamId }, select: { id: true, deletedAt: true }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ favourites, collections, tasks });
}
