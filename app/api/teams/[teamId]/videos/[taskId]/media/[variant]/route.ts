import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/db";
import { openStoredMedia, type MediaVariant } from "@/lib/storage/media-store";
import { attachmentDisposition, downloadFileName } from "@/lib/videos/download-file-name";
import { apiError, teamApiViewer } from "../../../team-api-access";

const VARIANTS: MediaVariant[] = ["video", "thumbnail", "spritesheet", "reference"];

type Params = { teamId: string; taskId: string; variant: string };

// GET /api/teams/<teamId>/videos/<taskId>/media/<variant>: the studio's own copy, with Range
// (players seek with it) and ?download=1 for a named attachment. Never the provider's URL.
export async function GET(request: NextRequest, { params }: { params: Promise<Params> }) {
  const { teamId, taskId, variant } = await params;
  const viewer = await teamApiViewer(teamId);
  if (viewer instanceof NextResponse) return viewer;
  if (!VARIANTS.includes(variant as MediaVariant) || taskId.length > 64) return apiError(404, "not_found", "Not found.");
  const task = await db.videoTask.findFirst({
    where: { id: taskId, teamId: viewer.teamId, deletedAt: null },
    select: { model: true, size: true, seconds: true, prompt: true, videoPath: true, thumbnailPath: true, spritesheetPath: true, referenceImagePath: true },
  });
  if (!task) return apiError(404, "not_found", "Not found.");
  const media = await openStoredMedia(task, variant as MediaVariant, request.headers.get("range"));
  if (!media) return apiError(404, "not_stored", "This file is not in the studio's storage (yet).");
  const headers = new Headers(media.headers);
  if (request.nextUrl.searchParams.get("download") === "1" && variant !== "reference") {
    headers.set("Content-Disposition", attachmentDisposition(downloadFileName(task, variant as "video" | "thumbnail" | "spritesheet")));
  }
  headers.set("X-Content-Type-Options", "nosniff");
  return new NextResponse(media.body, { status: media.status, headers });
}
