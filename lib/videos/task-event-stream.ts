import "server-only";
import { authorizeVideo, type VideoActor } from "./video-access";
import { subscribeTeamTasks } from "./task-push";

// GET /api/teams/<teamId>/videos/events: Server-Sent Events of the team's task changes
// (docs/decisions/110-push.md). Messages carry ids only; the page re-reads them through the status
// route. `ready` is sent on every (re)connect and after a lost LISTEN connection: re-read all.

/** Comment lines keep proxies and load balancers from closing an idle stream (nginx: 60 s). */
export const HEARTBEAT_MS = 15_000;
/**
 * A stream ends after this long and the browser reconnects (EventSource does it by itself), so a
 * member removed from the team stops receiving within this time: the reconnect is checked again.
 */
export const STREAM_LIFETIME_MS = 5 * 60_000;

export async function taskEventStream(
  actor: VideoActor,
  signal: AbortSignal,
  timing: { heartbeatMs?: number; lifetimeMs?: number } = {},
): Promise<Response> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const encoder = new TextEncoder();
  let stop = () => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const unsubscribe = subscribeTeamTasks(viewer.teamId, {
        changed: (ids) => send(`event: tasks\ndata: ${JSON.stringify({ ids })}\n\n`),
        resync: () => send(`event: ready\ndata: {}\n\n`),
      });
      const heartbeat = setInterval(() => send(`: hb\n\n`), timing.heartbeatMs ?? HEARTBEAT_MS);
      const lifetime = setTimeout(() => stop(), timing.lifetimeMs ?? STREAM_LIFETIME_MS);
      stop = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      signal.addEventListener("abort", stop);
      // `retry` tells EventSource how soon to reconnect; `ready` makes the page re-read.
      send(`retry: 3000\nevent: ready\ndata: {}\n\n`);
    },
    cancel() {
      stop();
    },
  });

  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    },
  });
}
