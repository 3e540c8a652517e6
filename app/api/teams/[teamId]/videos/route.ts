import { NextResponse, type NextRequest } from "next/server";
import { listVideos } from "@/lib/videos/list-videos";
import { parseGalleryFilters } from "@/lib/videos/gallery-filters-url";
import { teamApiViewer } from "./team-api-access";

// GET /api/teams/<teamId>/videos?cursor&status&model&mine&q → VideoPage (newest first, keyset cursor).
export async function GET(request: NextRequest, { params }: { params: Promise<{ teamId: string }> }) {
  const viewer = await teamApiViewer((await params).teamId);
  if (viewer instanceof NextResponse) return viewer;
  const search = request.nextUrl.searchParams;
  const filters = parseGalleryFilters((key) => search.get(key));
  const cursor = search.get("cursor")?.slice(0, 200) || undefined;
  const page = await listVideos(viewer, { ...filters, cursor });
  return NextResponse.json(page, { headers: { "Cache-Control": "no-store" } });
}
