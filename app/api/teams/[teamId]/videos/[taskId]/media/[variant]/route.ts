import { teamRoute } from "@/lib/http/route-handler";
import { HttpError, httpErrors } from "@/lib/http/errors";
import { isMediaVariant, openVideoMedia } from "@/lib/videos/video-media";

type Params = { teamId: string; taskId: string; variant: string };

// GET /api/teams/<teamId>/videos/<taskId>/media/<variant>: the studio's own copy, with Range
// (players seek with it) and ?download=1 for a named attachment. Never the provider's URL.
export const GET = teamRoute({
  permission: "videos.read",
  parse: (request, { taskId, variant }: Params) => {
    if (!isMediaVariant(variant) || taskId.length > 64) throw httpErrors.notFound();
    return {
      taskId,
      variant,
      range: request.headers.get("range"),
      download: request.nextUrl.searchParams.get("download") === "1",
    };
  },
  run: async (actor, { taskId, variant, range, download }) => {
    const media = await openVideoMedia(actor, taskId, variant, { range, download });
    if (!media.found)
      throw media.reason === "not_stored"
        ? new HttpError(404, "not_stored", "This file is not in the studio's storage (yet).")
        : httpErrors.notFound();
    return new Response(media.body, { status: media.status, headers: media.headers });
  },
});
