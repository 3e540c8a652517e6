import { NextResponse, type NextRequest } from "next/server";

// Optimistic only: no session cookie → sign-in page. The real checks (session, team membership)
// run in the data layer of every page, action and route handler.
const PUBLIC = ["/sign-in", "/sign-up", "/api/auth", "/api/simulator", "/api/cron", "/invite"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((c) => c.name.includes("authjs.session-token"));
  if (hasSession) return NextResponse.next();
  if (pathname.startsWith("/api/")) return NextResponse.json({ error: { message: "Sign in first.", code: "unauthenticated" } }, { status: 401 });
  const url = new URL("/sign-in", request.url);
  if (pathname !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/|favicon.ico|.*\\.(?:png|jpg|svg|webp|ico)$).*)"] };
