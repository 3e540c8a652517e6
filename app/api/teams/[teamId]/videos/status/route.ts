import { NextResponse, type NextRequest } from "next/server";
import { listVideosByIdsAfterSync } from "./sync-and-read";
import { teamApiViewer } from "../team-api-access";

// GET /api/teams/<teamId>/videos/status?ids=a,b → { items, pollAfterMs }. One request answers
// every live card on a page; the provider is polled only for tasks that are due (a lease in the
// database coalesces any number of viewers), so calling this on every refresh is safe.
export async function GET(request: NextRequest, { params }: { params: Promise<{ teamId: string }> }) {
  const viewer = await teamApiViewer((await params).teamId);
  if (viewer instanceof NextResponse) return viewer;
  const ids = (request.nextUrl.searchParams.get("ids") ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => /^[\w-]{1,64}$/.test(id))
    .slice(0, 100);
  const answer = await listVideosByIdsAfterSync(viewer, ids);
  return NextResponse.json(answer, { headers: { "Cache-Control": "no-store" } });
}
