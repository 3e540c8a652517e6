import { teamRoute } from "@/lib/http/route-handler";
import { httpErrors } from "@/lib/http/errors";
import { zipExportProgress } from "@/lib/library/zip-export";
import { isProgressToken } from "@/lib/library/zip-progress";

// GET /api/teams/<teamId>/videos/zip/progress?token=<token> → how far the caller's zip download
// has got ({ state, files, filesDone, totalBytes, bytesSent }), or { state: "unknown" }.
export const GET = teamRoute({
  permission: "videos.read",
  parse: (request) => {
    const token = request.nextUrl.searchParams.get("token");
    if (!isProgressToken(token)) throw httpErrors.badRequest("bad_request", "A progress token is needed.");
    return token;
  },
  run: (actor, token) => zipExportProgress(actor, token),
});
