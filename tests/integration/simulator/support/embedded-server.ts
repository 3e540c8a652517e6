import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sendWebResponse, toWebRequest } from "@/lib/simulator/node-http-bridge";

type RouteModule = typeof import("@/app/api/simulator/[...path]/route");
type Method = "GET" | "POST" | "DELETE" | "HEAD";

export interface EmbeddedServer {
  /** e.g. http://127.0.0.1:43121; the simulator is under /api/simulator/v1, as in the studio. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the studio's route module (app/api/simulator/[...path]/route.ts) over real HTTP, the
 * way `next start` hands /api/simulator/* to it. The module (and with it lib/env) is imported
 * on the first request, so a test can point the studio at this port (STUDIO_INTERNAL_URL) first.
 */
export async function serveEmbeddedRoute(): Promise<EmbeddedServer> {
  let route: Promise<RouteModule> | undefined;
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    route ??= import("@/app/api/simulator/[...path]/route");
    void route
      .then((module) => {
        const method = (req.method ?? "GET") as Method;
        const handler = (module as Partial<Record<Method, (request: Request) => Promise<Response>>>)[method];
        if (!handler) return new Response(null, { status: 405 });
        return handler(toWebRequest(req, res, origin));
      })
      .then((response) => sendWebResponse(response, req, res))
      .catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
