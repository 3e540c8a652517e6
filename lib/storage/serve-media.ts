import { env } from "@/lib/env";
import type { S3Settings } from "@/lib/config/storage";
import { ensureCardPoster } from "./card-poster";
import { IMMUTABLE_MEDIA_CACHE, type MediaRequest, type OpenResult } from "./media-http";
import {
  accelRedirectMedia,
  mediaContentType,
  objectStore,
  openStoredMedia,
  storedMediaPath,
  type MediaVariant,
} from "./media-store";
import { streamObject } from "./s3-answer";
import { presignGet } from "./s3-store";

// The answer for one stored file of a task, once the caller has checked the team
// (lib/videos/video-media.ts): from the local folder (the bytes, or X-Accel-Redirect for nginx),
// or from S3 (a 302 to a short-lived presigned link, or the bytes streamed through). Decision 100.

type StoredPaths = Parameters<typeof storedMediaPath>[0];

/**
 * `disposition`: the Content-Disposition of a download, carried by the presigned link (a 302's
 * own headers do not name the file the browser saves); other answers get it from the caller.
 */
export async function serveStoredMedia(
  task: StoredPaths,
  variant: MediaVariant,
  request: MediaRequest,
  disposition: string | null,
): Promise<OpenResult | null> {
  const relative = storedMediaPath(task, variant);
  const bucket = objectStore();
  if (bucket) {
    if (!relative) return null;
    // The poster of a video archived before posters existed is made on its first request.
    if (variant === "poster" && !(await ensureCardPoster(task.thumbnailPath!))) return null;
    const contentType = mediaContentType(relative, variant);
    return env.storage.delivery === "redirect"
      ? redirectToObject(bucket, relative, contentType, disposition)
      : streamObject(bucket, relative, contentType, variant === "video" ? request : { ...request, range: null });
  }
  const accelPrefix = env.mediaAccelRedirectPrefix;
  if (accelPrefix && relative) {
    // nginx would answer 404 for a poster not made yet: make sure it exists first.
    if (variant === "poster" && !(await ensureCardPoster(task.thumbnailPath!))) return null;
    return accelRedirectMedia(accelPrefix, relative, mediaContentType(relative, variant));
  }
  const media = await openStoredMedia(task, variant, request);
  if (!media && variant === "poster" && task.thumbnailPath && (await ensureCardPoster(task.thumbnailPath)))
    return openStoredMedia(task, variant, request);
  return media;
}

/**
 * A 302 to a GET link signed for the public endpoint, valid S3_PRESIGN_SECONDS at most. Links are
 * signed on a clock of half that period, so requests within one half get the same link (and the
 * browser's cached bytes under it); the redirect may be kept until that half ends, when the link
 * still has at least half its life left. Range, If-None-Match and If-Range are the store's.
 */
export async function redirectToObject(
  bucket: S3Settings,
  relative: string,
  contentType: string,
  disposition: string | null,
  now = Date.now(),
): Promise<OpenResult> {
  const lifetime = env.storage.presignSeconds;
  const half = Math.max(1, Math.floor(lifetime / 2));
  const signedAt = Math.floor(now / 1000 / half) * half;
  const url = await presignGet(bucket, relative, {
    expiresIn: lifetime,
    signingDate: new Date(signedAt * 1000),
    contentType,
    cacheControl: IMMUTABLE_MEDIA_CACHE,
    disposition: disposition ?? undefined,
  });
  const keep = Math.max(0, signedAt + half - Math.ceil(now / 1000));
  return {
    status: 302,
    headers: new Headers({ Location: url, "Cache-Control": `private, max-age=${keep}` }),
    body: null,
  };
}
