import "server-only";
import { db } from "@/lib/db";
import type { MediaRequest, MediaVariant } from "@/lib/storage/media-store";
import { serveStoredMedia } from "@/lib/storage/serve-media";
import { attachmentDisposition, downloadFileName } from "./download-file-name";
import { authorizeVideo, type VideoActor } from "./video-access";

export const MEDIA_VARIANTS: readonly MediaVariant[] = ["video", "thumbnail", "poster", "spritesheet", "reference"];

export function isMediaVariant(value: string): value is MediaVariant {
  return (MEDIA_VARIANTS as readonly string[]).includes(value);
}

export type VideoMedia =
  | { found: false; reason: "no_task" | "not_stored" }
  | { found: true; status: number; headers: Headers; body: ReadableStream | null };

/**
 * "Download media": the studio's own copy of one file of this team's task (`videos.read`), with
 * one Range, and with `download` a named attachment. Never the provider's URL. The team check
 * comes first, always: a 304 (If-None-Match), a Range or an X-Accel-Redirect answer only follow
 * it. With MEDIA_ACCEL_REDIRECT_PREFIX set, nginx sends the bytes (docs/media-serving.md); with
 * STORAGE_BACKEND=s3, a 302 to a short-lived presigned link or the bytes streamed through (decision 100).
 * `poster` (the card-sized thumbnail) is made from the thumbnail on the first request that finds
 * it missing (videos archived before card posters existed), then served like the others.
 */
export async function openVideoMedia(
  actor: VideoActor,
  taskId: string,
  variant: MediaVariant,
  options: MediaRequest & { download: boolean },
): Promise<VideoMedia> {
  const viewer = await authorizeVideo(actor, "videos.read");
  if (taskId.length > 64) return { found: false, reason: "no_task" };
  const task = await db.videoTask.findFirst({
    where: { id: taskId, teamId: viewer.teamId, deletedAt: null },
    select: {
      model: true,
      size: true,
      seconds: true,
      prompt: true,
      videoPath: true,
      thumbnailPath: true,
      spritesheetPath: true,
      referenceImagePath: true,
    },
  });
  if (!task) return { found: false, reason: "no_task" };
  const disposition =
    options.download && variant !== "reference" ? attachmentDisposition(downloadFileName(task, variant)) : null;
  const media = await serveStoredMedia(task, variant, options, disposition);
  if (!media) return { found: false, reason: "not_stored" };
  const headers = new Headers(media.headers);
  if (disposition && media.status !== 302) headers.set("Content-Disposition", disposition);
  headers.set("X-Content-Type-Options", "nosniff");
  return { found: true, status: media.status, headers, body: media.body };
}
