import type { S3Settings } from "@/lib/config/storage";
import { planMediaAnswer, type MediaRequest, type OpenResult } from "./media-http";
import { headObject, readObject } from "./s3-store";

// An object of the bucket answered over HTTP exactly like a file of the local folder
// (S3_MEDIA_DELIVERY=stream, and openStoredMedia for lib readers such as the zip export).

/**
 * The bytes through this server, answered like the local folder's (same validators logic, one
 * Range, 304, 416) from the object's size, ETag and date (one HEAD), then one ranged GET whose
 * body streams on as the client reads (cancelled when it goes away).
 */
export async function streamObject(
  bucket: S3Settings,
  relative: string,
  contentType: string,
  request: MediaRequest,
): Promise<OpenResult | null> {
  const info = await headObject(bucket, relative);
  if (!info) return null;
  const plan = planMediaAnswer(request, { size: info.size, etag: info.etag, mtimeMs: info.mtimeMs, contentType });
  if (!plan.send) return { status: plan.status, headers: plan.headers, body: null };
  if (info.size === 0) return { status: plan.status, headers: plan.headers, body: null };
  const object = await readObject(
    bucket,
    relative,
    plan.status === 206 ? { start: plan.start, end: plan.end } : undefined,
  );
  if (!object) return null;
  return { status: plan.status, headers: plan.headers, body: object.body };
}
