import { NextResponse, type NextRequest } from "next/server";
import { documentCacheHeaders } from "@/lib/http/document-cache";
import { httpErrors } from "@/lib/http/errors";
import { actionIdOf } from "@/lib/server-actions/action-manifest";
import { knownActionIds, unknownActionAnswer } from "@/lib/server-actions/unknown-action";

// Optimistic only: no session cookie → sign-in page. The real checks (session, team membership)
// run in the data layer of every page, action and route handler.
// /api/v1 authenticates by bearer token, not by session (lib/http/v1/api-route.ts, docs/api.md);
// /api/callbacks by the provider's signature (lib/videos/provider-callback.ts).
const PUBLIC = [
  "/sign-in",
  "/sign-up",
  "/api/auth",
  "/api/simulator",
  "/api/cron",
  "/invite",
  "/api/v1",
  "/api/callbacks",
];

export function proxy(request: NextRequest) {
  // A stale page's action: Next's own answer ("reload"), without a log line per request.
  const unknownAction = unknownActionAnswer(request.method, request.headers, knownActionIds());
  if (unknownAction) return unknownAction;
  const { pathname, search } = request.nextUrl;
  // Pages may be kept (private, revalidated); signing out clears them (lib/http/document-cache.ts).
  const pass = () =>
    NextResponse.next({
      headers: documentCacheHeaders(
        { method: request.method, pathname, headers: request.headers },
        actionIdOf("lib/actions/sign-out.ts", "signOutAction"),
      ),
    });
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return pass();
  const hasSession = request.cookies.getAll().some((c) => c.name.includes("authjs.session-token"));
  if (hasSession) return pass();
  if (pathname.startsWith("/api/")) return httpErrors.unauthenticated().toResponse();
  const url = new URL("/sign-in", request.url);
  if (pathname !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(url);
}

// Server actions pass through here too, so the body Next buffers for the proxy must hold the
// largest action body (next.config.ts: proxyClientMaxBodySize above serverActions.bodySizeLimit).
// Icons, images and the web app manifest are public files: no session needed.
export const config = { matcher: ["/((?!_next/|favicon.ico|.*\\.(?:png|jpg|svg|webp|ico|webmanifest)$).*)"] };
