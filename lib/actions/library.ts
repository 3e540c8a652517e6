"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { teamAction } from "@/lib/forms/define-action";
import {
  addToCollection,
  CollectionNameInvalidError,
  CollectionNameTakenError,
  createCollection,
  deleteCollection,
  MAX_COLLECTION_NAME,
  removeFromCollection,
  renameCollection,
} from "@/lib/library/collections";
import { deleteVideos } from "@/lib/library/delete-many";
import { setFavourites } from "@/lib/library/favourites";
import { MAX_SELECTION, parseIdList } from "@/lib/library/ids";

// The gallery library's actions (favourites, collections, delete many): thin, the rules are in
// lib/library. A selection travels as one comma-separated `ids` field.

const teamId = z.string().min(1).max(64);
const id = z.string().min(1).max(64);
const ids = z
  .string()
  .max(MAX_SELECTION * 70)
  .transform(parseIdList)
  .refine((list) => list.length > 0, "library.errors.nothingSelected");
const name = z
  .string()
  .trim()
  .min(1, "library.errors.nameRequired")
  .max(MAX_COLLECTION_NAME, "library.errors.nameTooLong");

function nameError(error: unknown, t: (key: "library.errors.nameTaken" | "library.errors.nameRequired") => string) {
  if (error instanceof CollectionNameTakenError)
    return { ok: false, fieldErrors: { name: t("library.errors.nameTaken") } };
  if (error instanceof CollectionNameInvalidError)
    return { ok: false, fieldErrors: { name: t("library.errors.nameRequired") } };
  return null;
}

/** Star or unstar videos (one card, the detail page or a selection). */
export const setFavouritesAction = teamAction({
  schema: z.object({ teamId, ids, on: z.enum(["1", "0"]) }),
  permission: "videos.read",
  unexpected: "library.errors.unexpected",
  run: async ({ input, user, team, t }) => {
    const on = input.on === "1";
    const changed = await setFavourites({ teamId: team.id, userId: user.id }, input.ids, on);
    return { ok: true, data: { changed }, message: on ? t("library.favourite.added", { count: changed }) : undefined };
  },
});

export const createCollectionAction = teamAction({
  schema: z.object({
    teamId,
    name,
    ids: z
      .string()
      .max(MAX_SELECTION * 70)
      .default("")
      .transform(parseIdList),
  }),
  permission: "collections.edit",
  keep: ["name"],
  unexpected: "library.errors.unexpected",
  run: async ({ input, user, team, t }) => {
    try {
      const collection = await createCollection({ teamId: team.id, userId: user.id }, input.name, input.ids);
      revalidatePath(`/t/${team.id}/gallery`, "layout");
      return { ok: true, data: collection, message: t("library.collections.created", { name: collection.name }) };
    } catch (error) {
      const refused = nameError(error, t);
      if (refused) return refused;
      throw error;
    }
  },
});

export const renameCollectionAction = teamAction({
  schema: z.object({ teamId, collectionId: id, name }),
  permission: "collections.edit",
  keep: ["name"],
  unexpected: "library.errors.unexpected",
  run: async ({ input, user, team, t }) => {
    try {
      await renameCollection({ teamId: team.id, userId: user.id }, input.collectionId, input.name);
    } catch (error) {
      const refused = nameError(error, t);
      if (refused) return refused;
      throw error;
    }
    revalidatePath(`/t/${team.id}/gallery`, "layout");
    return { ok: true, message: t("library.collections.renamed") };
  },
});

export const deleteCollectionAction = teamAction({
  schema: z.object({ teamId, collectionId: id }),
  permission: "collections.edit",
  unexpected: "library.errors.unexpected",
  run: async ({ input, user, team, t }) => {
    await deleteCollection({ teamId: team.id, userId: user.id }, input.collectionId);
    revalidatePath(`/t/${team.id}/gallery`, "layout");
    return { ok: true, message: t("library.collections.deleted") };
  },
});

/** Add videos to a collection, or take them out (`remove=1`). */
export const collectionItemsAction = teamAction({
  schema: z.object({ teamId, collectionId: id, ids, remove: z.enum(["1", "0"]).default("0") }),
  permission: "collections.edit",
  unexpected: "library.errors.unexpected",
  run: async ({ input, user, team, t }) => {
    const actor = { teamId: team.id, userId: user.id };
    if (input.remove === "1") {
      const count = await removeFromCollection(actor, input.collectionId, input.ids);
      return { ok: true, data: { count }, message: t("library.collections.removed", { count }) };
    }
    const count = await addToCollection(actor, input.collectionId, input.ids);
    return { ok: true, data: { count }, message: t("library.collections.added", { count }) };
  },
});

/**
 * Deletes the selection after the page's confirmation. Like one video: members delete their own,
 * admins and the owner any; the others come back as refused (lib/library/delete-many.ts).
 */
export const deleteVideosAction = teamAction({
  schema: z.object({ teamId, ids }),
  permission: "videos.delete.own",
  unexpected: "library.errors.unexpected",
  run: async ({ input, user, team, t }) => {
    const result = await deleteVideos({ teamId: team.id, userId: user.id }, input.ids);
    revalidatePath(`/t/${team.id}/gallery`, "layout");
    const message = result.refused.length
      ? t("library.delete.partly", { deleted: result.deleted.length, refused: result.refused.length })
      : t("library.delete.done", { count: result.deleted.length });
    return { ok: true, data: result, message };
  },
});
