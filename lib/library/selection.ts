import "server-only";
import { cardIds } from "@/lib/videos/card-rows";
import { filterQuery } from "@/lib/videos/list-videos";
import type { GalleryFilters } from "@/lib/videos/gallery-filters-url";
import { authorizeVideo, type VideoActor } from "@/lib/videos/video-access";
import { MAX_SELECTION } from "./ids";

export type Selection = { ids: string[]; /** More matched than MAX_SELECTION. */ truncated: boolean };

/**
 * "Select all matching the filters": the server reads every match (not only the cards the
 * browser has loaded), newest first, up to MAX_SELECTION, with the gallery's own conditions and
 * indexes (lib/videos/card-rows.ts). The browser then holds the ids; what you selected is what
 * the zip, the delete or the collection gets, even if more videos arrive meanwhile.
 */
export async function selectMatching(actor: VideoActor, filters: GalleryFilters): Promise<Selection> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const ids = await cardIds({ ...filterQuery(viewer, filters), limit: MAX_SELECTION + 1 });
  return { ids: ids.slice(0, MAX_SELECTION), truncated: ids.length > MAX_SELECTION };
}
