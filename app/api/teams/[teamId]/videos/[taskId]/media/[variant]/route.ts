import { teamRoute } from "@/lib/http/route-handler";
import { HttpError, httpErrors } from "@/lib/http/errors";
import { isMediaVariant, openVideoMedia } from "@/lib/videos/video-media";

type Params = { teamId: string; taskId: string; variant: string };

// GET /api/teams/<teamId>/videos/<taskId>/media/<variant>: the studio's own copy, with Range
// (players seek with it), ETag / If-None-Match / If-Range (archived media never change: a second
// view is a 304) and ?download=1 for a named attachment. Never the provider's URL.
export const GET = teamRoute({
  permission: "videos.read",
  parse: (request, { taskId, variant }: Params) => {
    if (!isMediaVariant(variant) || taskId.length > 64) throw httpErrors.notFound();
    return {
      taskId,
      variant,
      range: request.headers.get("range"),
      ifRange: request.headers.get("if-range"),
      ifNoneMatch: request.headers.get("if-none-match"),
      ifModifiedSince: request.headers.get("if-modified-since"),
      download: request.nextUrl.searchParams.get("download") === "1",
    };
  },
  run: async (actor, { taskId, ...request }) => {
    const media = await openVideoMedia(actor, taskId, request.variant, request);
    if (!media.found)
      throw media.reason === "not_stored"
        ? new HttpError(404, "not_stored", "This file is not in the studio's storage (yet).")
        : httpErrors.notFound();
    return new Response(media.body, { status: media.status, headers: media.headers });
  },
});
