import { parseByteRange } from "@/lib/http/byte-range";

// How a stored file is answered over HTTP, whichever store holds it (a local folder or an S3
// bucket streamed through): validators, 304, one Range, 416. Pure: no I/O.

/** The request headers that shape the answer: one Range and the conditional headers. */
export type MediaRequest = {
  range: string | null;
  ifRange?: string | null;
  ifNoneMatch?: string | null;
  ifModifiedSince?: string | null;
};

/** 302: S3 with presigned links, `Location` names the object (decision 100). */
export type OpenResult = { status: 200 | 206 | 302 | 304 | 416; headers: Headers; body: ReadableStream | null };

/**
 * Stored media never change once in place (written to a temporary name, renamed when checked; a
 * task's path is recorded only after that), so a browser may keep them for a year and revalidate
 * with the strong ETag. `private`: they are a team's, never for a shared cache.
 */
export const IMMUTABLE_MEDIA_CACHE = "private, max-age=31536000, immutable";

/**
 * Strong validator from modification time and size, in nginx's own format (`"<mtime s hex>-<size
 * hex>"`), so a switch to MEDIA_ACCEL_REDIRECT_PREFIX keeps browsers' copies valid. A file is
 * replaced only by a rename into place, before its path is recorded.
 */
export function mediaETag(size: number, mtimeMs: number): string {
  return `"${Math.floor(mtimeMs / 1000).toString(16)}-${size.toString(16)}"`;
}

/** If-None-Match (weak comparison, RFC 9110 §13.1.2): does any listed tag, or `*`, match? */
export function noneMatchHits(header: string, etag: string): boolean {
  const ours = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === ours;
  });
}

/**
 * If-Range (RFC 9110 §13.1.5): the Range applies only if the validator still names this file, an
 * entity tag by strong comparison or the exact Last-Modified date; otherwise the whole file.
 */
export function ifRangeHolds(header: string | null | undefined, etag: string, lastModified: string): boolean {
  if (header === null || header === undefined) return true;
  const value = header.trim();
  if (value.startsWith('"') || value.startsWith("W/")) return value === etag;
  return value === lastModified;
}

/** If-Modified-Since, read only without If-None-Match (§13.2.2): not modified since that second? */
function notModifiedSince(conditions: MediaRequest, mtimeMs: number): boolean {
  if (!conditions.ifModifiedSince) return false;
  const since = Date.parse(conditions.ifModifiedSince);
  return Number.isFinite(since) && Math.trunc(mtimeMs / 1000) * 1000 <= since;
}

export type MediaPlan =
  | { send: false; status: 304 | 416; headers: Headers }
  | { send: true; status: 200 | 206; headers: Headers; start: number; end: number };

/**
 * The answer for a stored file of `size` bytes: a 304 when the browser's copy is current, one HTTP
 * Range (players seek with it; lib/http/byte-range.ts) unless If-Range names another version, 416
 * beyond the end, else the whole file. The headers are complete but for the body's.
 */
export function planMediaAnswer(
  conditions: MediaRequest,
  file: { size: number; etag: string; mtimeMs: number; contentType: string },
): MediaPlan {
  const { size, etag } = file;
  const lastModified = new Date(file.mtimeMs).toUTCString();
  const headers = new Headers({
    "Content-Type": file.contentType,
    "Accept-Ranges": "bytes",
    "Cache-Control": IMMUTABLE_MEDIA_CACHE,
    ETag: etag,
    "Last-Modified": lastModified,
  });
  if (
    conditions.ifNoneMatch ? noneMatchHits(conditions.ifNoneMatch, etag) : notModifiedSince(conditions, file.mtimeMs)
  ) {
    headers.delete("Content-Type");
    return { send: false, status: 304, headers };
  }
  const rangeHeader = ifRangeHolds(conditions.ifRange, etag, lastModified) ? conditions.range : null;
  const range = parseByteRange(rangeHeader, size);
  if (range.kind === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${size}`);
    return { send: false, status: 416, headers };
  }
  const [status, start, end] =
    range.kind === "partial" ? [206 as const, range.start, range.end] : [200 as const, 0, size - 1];
  if (status === 206) headers.set("Content-Range", `bytes ${start}-${end}/${size}`);
  headers.set("Content-Length", String(size === 0 ? 0 : end - start + 1));
  return { send: true, status, headers, start, end };
}
