import { mkdtemp, open, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { absoluteMediaPath, fileBody, objectStore } from "./media-store";
import { downloadObject, headObject, readObject, type StoredObject } from "./s3-store";

// Reading stored media from lib code, whichever store holds them (the local folder or S3): the
// archive's derived pictures, the card poster, reference images sent to a provider, exports.
// Permission is the caller's business: these take a relative path the caller read from a task
// it has checked (lib/videos/video-access.ts).

export type { StoredObject };

/**
 * Opens a stored file for reading as a web stream: all of it, or bytes `start`..`end` inclusive
 * (`end` past the last byte is cut to it); null when the file is not there (or the range starts
 * past its end). The stream reads on demand and is released when read to the end or cancelled.
 */
export async function readStoredMedia(
  relative: string,
  range?: { start: number; end: number },
): Promise<StoredObject | null> {
  const bucket = objectStore();
  if (bucket) {
    if (range) {
      // The size first: a range past the end is the caller's null, not the server's 416.
      const info = await headObject(bucket, relative);
      if (!info || range.start >= info.size || range.end < range.start) return null;
      return readObject(bucket, relative, { start: range.start, end: Math.min(range.end, info.size - 1) });
    }
    return readObject(bucket, relative);
  }
  const handle = await open(absoluteMediaPath(relative), "r").catch(() => null);
  if (!handle) return null;
  let handedOver = false;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return null;
    const size = info.size;
    const start = range?.start ?? 0;
    const end = Math.min(range?.end ?? size - 1, size - 1);
    if (range && (start >= size || end < start)) return null;
    const length = size === 0 ? 0 : end - start + 1;
    handedOver = length > 0;
    return {
      body: length > 0 ? fileBody(handle, start, end) : new ReadableStream({ start: (c) => c.close() }),
      size,
      length,
    };
  } finally {
    if (!handedOver) await handle.close();
  }
}

/** A whole stored file in memory (pictures and reference images: small); null when not there. */
export async function readMediaBytes(relative: string): Promise<Buffer | null> {
  const bucket = objectStore();
  if (!bucket) return readFile(absoluteMediaPath(relative)).catch(() => null);
  const object = await readObject(bucket, relative);
  return object ? Buffer.from(await new Response(object.body).arrayBuffer()) : null;
}

export async function mediaExists(relative: string): Promise<boolean> {
  const bucket = objectStore();
  if (bucket) return (await headObject(bucket, relative)) !== null;
  return stat(absoluteMediaPath(relative)).then(
    (info) => info.isFile(),
    () => false,
  );
}

/**
 * Runs `run` with a path on this machine holding the stored file (ffmpeg reads files): the file
 * itself in the local folder, a temporary download from S3 (removed afterwards).
 */
export async function withLocalMediaFile<T>(relative: string, run: (file: string) => Promise<T>): Promise<T> {
  const bucket = objectStore();
  if (!bucket) return run(absoluteMediaPath(relative));
  const dir = await mkdtemp(path.join(tmpdir(), "studio-media-"));
  try {
    const file = path.join(dir, path.basename(relative));
    if (!(await downloadObject(bucket, relative, file))) throw new Error(`${relative} is not in the bucket`);
    return await run(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
