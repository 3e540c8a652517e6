import { mkdir, open, rename, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import type { S3Settings } from "@/lib/config/storage";
import { IMMUTABLE_MEDIA_CACHE, mediaETag, planMediaAnswer, type MediaRequest, type OpenResult } from "./media-http";
import { streamObject } from "./s3-answer";
import { deleteUnder, putObject } from "./s3-store";

// The studio's own copy of every video, under STORAGE_DIR (default <data>/media):
//   teams/<teamId>/<taskId>/<variant>.<ext>
// plus poster.webp, the card-sized copy of the thumbnail (lib/storage/card-poster.ts): its path is
// derived from the thumbnail's, not recorded, and it is made on the first request when missing.
// Files are written to a temporary name and renamed into place only once checked, so a reader
// never sees half a file. With STORAGE_BACKEND=s3 the same relative paths are the bucket's keys
// (lib/storage/s3-store.ts, decision 100): writes and removals below go there instead; reads go
// through lib/storage/media-objects.ts and answers through lib/storage/serve-media.ts.

export type MediaVariant = "video" | "thumbnail" | "poster" | "spritesheet" | "reference";

export const VARIANT_FILES: Record<MediaVariant, { ext: string; contentType: string }> = {
  video: { ext: "mp4", contentType: "video/mp4" },
  thumbnail: { ext: "webp", contentType: "image/webp" },
  poster: { ext: "webp", contentType: "image/webp" },
  spritesheet: { ext: "jpg", contentType: "image/jpeg" },
  reference: { ext: "img", contentType: "application/octet-stream" },
};

/** The bucket's settings when media live in S3, else null (the local folder). */
export function objectStore(): S3Settings | null {
  return env.storage.backend === "s3" ? (env.storage.s3 ?? null) : null;
}

export function storageRoot(): string {
  return env.storageDir;
}

/** Relative to the storage root, so the root can move. */
export function mediaRelativePath(
  teamId: string,
  taskId: string,
  variant: MediaVariant,
  ext = VARIANT_FILES[variant].ext,
): string {
  return path.join("teams", teamId, taskId, `${variant}.${ext}`);
}

export function absoluteMediaPath(relative: string): string {
  const root = path.resolve(storageRoot());
  const full = path.resolve(root, relative);
  if (!full.startsWith(root + path.sep)) throw new Error("media path escapes the storage root");
  return full;
}

/**
 * Writes chunks to a temp file, lets `check` inspect the result, then renames it into place. In S3,
 * streams them into the object and runs `check` before the upload completes (s3-store.ts).
 */
export async function writeMediaAtomically(
  relative: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  check: (info: { bytes: number; head: Buffer }) => void,
): Promise<number> {
  const bucket = objectStore();
  if (bucket) return putObject(bucket, relative, chunks, check);
  const finalPath = absoluteMediaPath(relative);
  await mkdir(path.dirname(finalPath), { recursive: true });
  const tempPath = `${finalPath}.${process.pid}.${Date.now()}.part`;
  const handle = await open(tempPath, "w");
  let bytes = 0;
  const head: Buffer[] = [];
  try {
    for await (const chunk of chunks) {
      if (bytes < 64) head.push(Buffer.from(chunk.subarray(0, 64 - bytes)));
      await handle.write(chunk);
      bytes += chunk.byteLength;
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tempPath, { force: true });
    throw error;
  }
  await handle.close();
  try {
    check({ bytes, head: Buffer.concat(head) });
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  await rename(tempPath, finalPath);
  return bytes;
}

export async function removeTaskMedia(teamId: string, taskId: string): Promise<void> {
  const bucket = objectStore();
  if (bucket) {
    await deleteUnder(bucket, path.join("teams", teamId, taskId));
    return;
  }
  await rm(absoluteMediaPath(path.join("teams", teamId, taskId)), { recursive: true, force: true });
}

type StoredPaths = {
  videoPath: string | null;
  thumbnailPath: string | null;
  spritesheetPath: string | null;
  referenceImagePath: string | null;
};

/** The card poster sits next to the thumbnail it is made from. */
export function cardPosterPath(thumbnailRelative: string): string {
  return path.join(path.dirname(thumbnailRelative), `poster.${VARIANT_FILES.poster.ext}`);
}

/**
 * The stored path of one variant of a task, relative to the storage root, or null. The poster's is
 * where it is or will be made (derived from the thumbnail's); the others are recorded on the task.
 */
export function storedMediaPath(task: StoredPaths, variant: MediaVariant): string | null {
  return {
    video: task.videoPath,
    thumbnail: task.thumbnailPath,
    poster: task.thumbnailPath ? cardPosterPath(task.thumbnailPath) : null,
    spritesheet: task.spritesheetPath,
    reference: task.referenceImagePath,
  }[variant];
}

export function mediaContentType(relative: string, variant: MediaVariant): string {
  return variant === "reference" ? referenceContentType(relative) : VARIANT_FILES[variant].contentType;
}

/**
 * The stored file of one variant of a task as an HTTP answer (Range, validators), or null when we
 * do not have it (yet): from the local folder, or streamed from the bucket (S3).
 */
export function openStoredMedia(
  task: StoredPaths,
  variant: MediaVariant,
  request: MediaRequest | string | null,
): Promise<OpenResult | null> {
  const relative = storedMediaPath(task, variant);
  if (!relative) return Promise.resolve(null);
  const conditions = typeof request === "string" || request === null ? { range: request } : request;
  // Only the video is seekable; images are always sent whole.
  const seekable = variant === "video" ? conditions : { ...conditions, range: null };
  const bucket = objectStore();
  if (bucket) return streamObject(bucket, relative, mediaContentType(relative, variant), seekable);
  return openMediaFile(relative, mediaContentType(relative, variant), seekable);
}

/** A stored reference image's type, from the extension it was saved with. */
export function referenceContentType(relative: string): string {
  if (relative.endsWith(".png")) return "image/png";
  if (relative.endsWith(".webp")) return "image/webp";
  return "image/jpeg";
}

export {
  IMMUTABLE_MEDIA_CACHE,
  ifRangeHolds,
  mediaETag,
  noneMatchHits,
  type MediaRequest,
  type OpenResult,
} from "./media-http";

/**
 * Serves a stored file: a 304 when the browser's copy is current, one HTTP Range (players seek with
 * it; lib/http/byte-range.ts) unless If-Range names another version, else the whole file. One open
 * and one fstat; the bytes stream from the open handle (flat memory for any size).
 */
export async function openMediaFile(
  relative: string,
  contentType: string,
  request: MediaRequest | string | null,
): Promise<OpenResult | null> {
  const conditions: MediaRequest = typeof request === "string" || request === null ? { range: request } : request;
  const file = absoluteMediaPath(relative);
  const handle = await open(file, "r").catch(() => null);
  if (!handle) return null;
  let handedOver = false;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return null;
    const size = info.size;
    const plan = planMediaAnswer(conditions, {
      size,
      etag: mediaETag(size, info.mtimeMs),
      mtimeMs: info.mtimeMs,
      contentType,
    });
    if (!plan.send) return { status: plan.status, headers: plan.headers, body: null };
    const body = size === 0 ? null : fileBody(handle, plan.start, plan.end);
    handedOver = body !== null;
    return { status: plan.status, headers: plan.headers, body };
  } finally {
    if (!handedOver) await handle.close();
  }
}

/** Read size of a file body: few promise hops per MB, and a bounded amount in memory per response. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Bytes start..end of an open file as a web stream, read on demand (one chunk ahead of the
 * consumer, so memory stays flat whatever the size); the handle is closed at the end, on error
 * and when the client goes away.
 */
export function fileBody(handle: FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const length = Math.min(CHUNK_BYTES, end + 1 - position);
          const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(length), 0, length, position);
          if (bytesRead === 0) throw new Error("stored media file is shorter than it was");
          position += bytesRead;
          controller.enqueue(bytesRead === length ? buffer : buffer.subarray(0, bytesRead));
          if (position > end) {
            await handle.close();
            controller.close();
          }
        } catch (error) {
          await handle.close().catch(() => undefined);
          throw error;
        }
      },
      cancel: () => handle.close(),
    },
    { highWaterMark: 1 },
  );
}

/**
 * For deployments behind nginx (MEDIA_ACCEL_REDIRECT_PREFIX): after the team check, the answer
 * names the file in `X-Accel-Redirect` and carries no body; nginx's internal location serves the
 * bytes (Range, ETag, 304 and sendfile are nginx's). No file system access here.
 */
export function accelRedirectMedia(prefix: string, relative: string, contentType: string): OpenResult {
  const location = prefix.replace(/\/?$/, "/") + relative.split(/[\\/]/).map(encodeURIComponent).join("/");
  const headers = new Headers({
    "Content-Type": contentType,
    "Cache-Control": IMMUTABLE_MEDIA_CACHE,
    "X-Accel-Redirect": location,
  });
  return { status: 200, headers, body: null };
}
