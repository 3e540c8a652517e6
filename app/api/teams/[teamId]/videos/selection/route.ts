import { teamRoute } from "@/lib/http/route-handler";
import { selectMatching } from "@/lib/library/selection";
import { parseGalleryFilters } from "@/lib/videos/gallery-filters-url";

// GET /api/teams/<teamId>/videos/selection?<gallery filters> → { ids, truncated }: "select all
// matching the filters", resolved on the server (every match, not only the loaded cards).
export const GET = teamRoute({
  permission: "videos.read",
  parse: (request) => {
    const search = request.nextUrl.searchParams;
    return parseGalleryFilters((key) => search.get(key));
  },
  run: (actor, filters) => selectMatching(actor, filters),
});
