import { teamRoute } from "@/lib/http/route-handler";
import { listVideos } from "@/lib/videos/list-videos";
import { parseGalleryFilters } from "@/lib/videos/gallery-filters-url";

// GET /api/teams/<teamId>/videos?cursor&status&model&mine&q → VideoPage (newest first, keyset cursor).
export const GET = teamRoute({
  permission: "videos.read",
  parse: (request) => {
    const search = request.nextUrl.searchParams;
    return {
      ...parseGalleryFilters((key) => search.get(key)),
      cursor: search.get("cursor")?.slice(0, 200) || undefined,
    };
  },
  run: (actor, filters) => listVideos(actor, filters),
});
