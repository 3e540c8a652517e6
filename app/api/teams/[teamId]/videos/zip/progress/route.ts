import { teamRoute } from "@/lib/http/route-handler";
import { httpErrors } from "@/lib/http/errors";
import { zipExportProgress } from "@/lib/library/zip-export";
import { isProgressToken } from "@/lib/library/zip-progress";

// GET /api/teams/<teamId>/videos/zip/progress?token=<token> → how far the caller's zip download
// has got ({ state, files, filesDone, totalBytes, bytesSent }), or { state: "unknown" }. A missing
// token is a 400 only after the team check (strangers get the same 404 as for any route).
export const GET = teamRoute({
  permission: "videos.read",
  parse: (request) => request.nextUrl.searchParams.get("token"),
  run: (actor, token) => {
    if (!isProgressToken(token)) throw httpErrors.badRequest("bad_request", "A progress token is needed.");
    return zipExportProgress(actor, token);
  },
});
