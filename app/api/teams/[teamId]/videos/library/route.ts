import { teamRoute } from "@/lib/http/route-handler";
import { listCollections } from "@/lib/library/collections";
import { favouriteIds } from "@/lib/library/favourites";

// GET /api/teams/<teamId>/videos/library → { favourites: taskIds, collections }: the viewer's
// stars and the team's collections, for the gallery's cards, filter and menus.
export const GET = teamRoute({
  permission: "videos.read",
  parse: () => null,
  run: async (actor) => {
    const [favourites, collections] = await Promise.all([favouriteIds(actor), listCollections(actor)]);
    return { favourites, collections };
  },
});
