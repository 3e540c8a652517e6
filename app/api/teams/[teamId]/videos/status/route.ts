import { teamRoute } from "@/lib/http/route-handler";
import { videoStatuses } from "@/lib/videos/video-status";

// GET /api/teams/<teamId>/videos/status?ids=a,b → { items, pollAfterMs }. One request answers
// every live card on a page; the provider is polled only for tasks that are due (a lease in the
// database coalesces any number of viewers), so calling this on every refresh is safe.
export const GET = teamRoute({
  permission: "videos.read",
  parse: (request) =>
    (request.nextUrl.searchParams.get("ids") ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter((id) => /^[\w-]{1,64}$/.test(id))
      .slice(0, 100),
  run: (actor, ids) => videoStatuses(actor, ids),
});
