import { teamRoute } from "@/lib/http/route-handler";
import { taskEventStream } from "@/lib/videos/task-event-stream";

// GET /api/teams/<teamId>/videos/events → text/event-stream of the team's task changes (ids only;
// the page re-reads them through /videos/status). docs/decisions/110-push.md.
export const GET = teamRoute({
  permission: "videos.read",
  parse: () => null,
  run: (actor, _input, request) => taskEventStream(actor, request.signal),
});
