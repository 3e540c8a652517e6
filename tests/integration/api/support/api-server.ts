import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sendWebResponse, toWebRequest } from "@/lib/simulator/node-http-bridge";
import { runSweep } from "@/lib/videos/sweep";

// Serves the studio's /api/v1 route modules (app/api/v1/**/route.ts) over real HTTP, routed the
// way `next start` routes them (the segment names of the folders), with the sweep running in the
// background as it does in the studio (instrumentation.ts starts it; tests turn it off by default).

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = object;

const ROUTES: { pattern: RegExp; load: () => Promise<RouteModule> }[] = [
  { pattern: /^\/api\/v1\/videos$/, load: () => import("@/app/api/v1/videos/route") },
  { pattern: /^\/api\/v1\/videos\/(?<videoId>[^/]+)$/, load: () => import("@/app/api/v1/videos/[videoId]/route") },
  {
    pattern: /^\/api\/v1\/videos\/(?<videoId>[^/]+)\/content$/,
    load: () => import("@/app/api/v1/videos/[videoId]/content/route"),
  },
  {
    pattern: /^\/api\/v1\/videos\/(?<videoId>[^/]+)\/remix$/,
    load: () => import("@/app/api/v1/videos/[videoId]/remix/route"),
  },
  { pattern: /^\/api\/v1\/models$/, load: () => import("@/app/api/v1/models/route") },
  { pattern: /^\/api\/v1\/(?<rest>.+)$/, load: () => import("@/app/api/v1/[...rest]/route") },
];

export type ApiServer = { url: string; baseURL: string; close(): Promise<void> };

export async function startApiServer(): Promise<ApiServer> {
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    const request = toWebRequest(req, res, origin);
    const path = new URL(request.url).pathname;
    const route = ROUTES.find((r) => r.pattern.test(path));
    void (async () => {
      if (!route) return new Response("no route", { status: 404 });
      const routeModule = (await route.load()) as Partial<Record<string, Handler>>;
      const handler = routeModule[request.method];
      if (!handler) return new Response(null, { status: 405 });
      const params = { ...route.pattern.exec(path)!.groups };
      return handler(request, { params: Promise.resolve(params) });
    })()
      .then((response) => sendWebResponse(response, req, res))
      .catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let sweeping = false;
  const sweeper = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    runSweep()
      .catch((error) => console.error("[test sweep]", error))
      .finally(() => {
        sweeping = false;
      });
  }, 50);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseURL: `${url}/api/v1`,
    close: async () => {
      clearInterval(sweeper);
      while (sweeping) await new Promise((resolve) => setTimeout(resolve, 20));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
