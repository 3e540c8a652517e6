import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "@/lib/env";
import { parseByteRange } from "@/lib/http/byte-range";

// The studio's own copy of every video, under STORAGE_DIR (default <data>/media):
//   teams/<teamId>/<taskId>/<variant>.<ext>
// Files are written to a temporary name and renamed into place only once checked, so a reader
// never sees half a file.

export type MediaVariant = "video" | "thumbnail" | "spritesheet" | "reference";

export const VARIANT_FILES: Record<MediaVariant, { ext: string; contentType: string }> = {
  video: { ext: "mp4", contentType: "video/mp4" },
  thumbnail: { ext: "webp", contentType: "image/webp" },
  spritesheet: { ext: "jpg", contentType: "image/jpeg" },
  reference: { ext: "img", contentType: "application/octet-stream" },
};

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

/** Writes chunks to a temp file, lets `check` inspect the result, then renames it into place. */
export async function writeMediaAtomically(
  relative: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  check: (info: { bytes: number; head: Buffer }) => void,
): Promise<number> {
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
  await rm(absoluteMediaPath(path.join("teams", teamId, taskId)), { recursive: true, force: true });
}

type StoredPaths = {
  videoPath: string | null;
  thumbnailPath: string | null;
  spritesheetPath: string | null;
  referenceImagePath: string | null;
};

/** The stored file of one variant of a task, or null when we do not have it (yet). */
export function openStoredMedia(
  task: StoredPaths,
  variant: MediaVariant,
  rangeHeader: string | null,
): Promise<OpenResult | null> {
  const relative = {
    video: task.videoPath,
    thumbnail: task.thumbnailPath,
    spritesheet: task.spritesheetPath,
    reference: task.referenceImagePath,
  }[variant];
  if (!relative) return Promise.resolve(null);
  const contentType = variant === "reference" ? referenceContentType(relative) : VARIANT_FILES[variant].contentType;
  return openMediaFile(relative, contentType, variant === "video" ? rangeHeader : null);
}

function referenceContentType(relative: string): string {
  if (relative.endsWith(".png")) return "image/png";
  if (relative.endsWith(".webp")) return "image/webp";
  return "image/jpeg";
}

type OpenResult = { status: 200 | 206 | 416; headers: Headers; body: ReadableStream | null };

/** Serves a stored file, honouring a single HTTP Range (players seek with it; lib/http/byte-range.ts). */
export async function openMediaFile(
  relative: string,
  contentType: string,
  rangeHeader: string | null,
): Promise<OpenResult | null> {
  const file = absoluteMediaPath(relative);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  const size = info.size;
  const headers = new Headers({
    "Content-Type": contentType,
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, max-age=3600",
  });
  const range = parseByteRange(rangeHeader, size);
  if (range.kind === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${size}`);
    return { status: 416, headers, body: null };
  }
  if (range.kind === "partial") {
    const { start, end } = range;
    headers.set("Content-Range", `bytes ${start}-${end}/${size}`);
    headers.set("Content-Length", String(end - start + 1));
    return { status: 206, headers, body: Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream };
  }
  headers.set("Content-Length", String(size));
  return { status: 200, headers, body: Readable.toWeb(createReadStream(file)) as ReadableStream };
}
