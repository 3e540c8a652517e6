import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { S3Settings } from "@/lib/config/storage";

// The studio's media in an S3-compatible bucket (decision 100): the same keys as the local folder's
// relative paths (teams/<teamId>/<taskId>/<variant>.<ext>, after S3_KEY_PREFIX). Two clients: one
// on the internal endpoint for every byte this server moves, one on the public endpoint that only
// signs links for browsers (a presigned link names the host it was signed for).

type Clients = { io: S3Client; signer: S3Client };
const clients = new WeakMap<S3Settings, Clients>();

function client(s: S3Settings, endpoint: string | undefined): S3Client {
  return new S3Client({
    endpoint,
    region: s.region,
    forcePathStyle: s.forcePathStyle,
    credentials: s.credentials,
    requestChecksumCalculation: s.checksums,
    responseChecksumValidation: s.checksums,
  });
}

export function s3Clients(s: S3Settings): Clients {
  let pair = clients.get(s);
  if (!pair) {
    const io = client(s, s.endpoint);
    pair = { io, signer: s.publicEndpoint === s.endpoint ? io : client(s, s.publicEndpoint) };
    clients.set(s, pair);
  }
  return pair;
}

export function objectKey(s: S3Settings, relative: string): string {
  return s.keyPrefix + relative.split(/[\\/]/).join("/");
}

const TYPES: Record<string, string> = {
  mp4: "video/mp4",
  webp: "image/webp",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
};

/** Stored with the object, so a presigned link or a tool reading the bucket gets the right type. */
export function contentTypeOfKey(relative: string): string {
  return TYPES[relative.slice(relative.lastIndexOf(".") + 1).toLowerCase()] ?? "application/octet-stream";
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.$metadata?.httpStatusCode === 404 || e.name === "NoSuchKey" || e.name === "NotFound";
}

export type ObjectInfo = { size: number; etag: string; mtimeMs: number; metadata: Record<string, string> };

export async function headObject(s: S3Settings, relative: string): Promise<ObjectInfo | null> {
  try {
    const out = await s3Clients(s).io.send(new HeadObjectCommand({ Bucket: s.bucket, Key: objectKey(s, relative) }));
    return {
      size: out.ContentLength ?? 0,
      etag: out.ETag ?? "",
      mtimeMs: out.LastModified?.getTime() ?? 0,
      metadata: out.Metadata ?? {},
    };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

const PART_BYTES = 8 * 1024 * 1024;

/**
 * Streams chunks into the object (multipart past 8 MiB, two parts in flight), running `check` on
 * the length and first bytes once the last chunk is read and before the upload completes: a
 * failed check or read abandons the upload (a multipart one is aborted), so the object never
 * appears. A PUT or multipart upload is visible only once complete. The stored length is read
 * back (HEAD) and must be what was sent, else the object is removed.
 */
export async function putObject(
  s: S3Settings,
  relative: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  check: (info: { bytes: number; head: Buffer }) => void,
  metadata?: Record<string, string>,
): Promise<number> {
  let bytes = 0;
  const head: Buffer[] = [];
  async function* checked() {
    for await (const chunk of chunks) {
      const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (bytes < 64) head.push(Buffer.from(buffer.subarray(0, 64 - bytes)));
      bytes += buffer.byteLength;
      yield buffer;
    }
    check({ bytes, head: Buffer.concat(head) });
  }
  const Key = objectKey(s, relative);
  const source = Readable.from(checked());
  let failure: unknown;
  source.on("error", (error) => (failure ??= error));
  const upload = new Upload({
    client: s3Clients(s).io,
    params: { Bucket: s.bucket, Key, Body: source, ContentType: contentTypeOfKey(relative), Metadata: metadata },
    partSize: PART_BYTES,
    queueSize: 2,
  });
  try {
    await upload.done();
  } catch (error) {
    // Stops reading the source too (a provider's response body is released, not left open).
    source.destroy();
    // The check's own error (ArchiveCheckError…), not the SDK's wrapping of it.
    throw failure ?? error;
  }
  const stored = await headObject(s, relative);
  if (stored?.size !== bytes) {
    await deleteObject(s, relative);
    throw new Error(`${relative}: the bucket holds ${stored?.size ?? "no"} bytes of the ${bytes} sent`);
  }
  return bytes;
}

export type StoredObject = {
  /** The requested bytes (all, or start..end). */
  body: ReadableStream<Uint8Array>;
  /** The whole object's size. */
  size: number;
  /** Bytes in `body`. */
  length: number;
};

/** The object's bytes (all, or start..end inclusive) as a web stream, or null when it is not there. */
export async function readObject(
  s: S3Settings,
  relative: string,
  range?: { start: number; end: number },
): Promise<StoredObject | null> {
  try {
    const out = await s3Clients(s).io.send(
      new GetObjectCommand({
        Bucket: s.bucket,
        Key: objectKey(s, relative),
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    const total = out.ContentRange ? Number(out.ContentRange.split("/")[1]) : (out.ContentLength ?? 0);
    if (!out.Body) throw new Error(`${relative}: the bucket sent no body`);
    return { body: out.Body.transformToWebStream(), size: total, length: out.ContentLength ?? 0 };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** Downloads the object to a local file (ffmpeg reads files); false when it is not there. */
export async function downloadObject(s: S3Settings, relative: string, file: string): Promise<boolean> {
  const object = await readObject(s, relative);
  if (!object) return false;
  await pipeline(Readable.fromWeb(object.body as import("node:stream/web").ReadableStream), createWriteStream(file));
  return true;
}

export async function deleteObject(s: S3Settings, relative: string): Promise<void> {
  await s3Clients(s).io.send(new DeleteObjectCommand({ Bucket: s.bucket, Key: objectKey(s, relative) }));
}

/** Every key under a folder-like prefix (relative to S3_KEY_PREFIX), page by page. */
export async function* listObjects(s: S3Settings, prefix: string): AsyncGenerator<{ relative: string; size: number }> {
  let token: string | undefined;
  do {
    const page = await s3Clients(s).io.send(
      new ListObjectsV2Command({ Bucket: s.bucket, Prefix: objectKey(s, prefix), ContinuationToken: token }),
    );
    for (const item of page.Contents ?? [])
      if (item.Key) yield { relative: item.Key.slice(s.keyPrefix.length), size: item.Size ?? 0 };
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/**
 * Removes every object under the prefix. One DeleteObject each (a task has at most six files):
 * DeleteObjects needs a Content-MD5 or checksum header that servers answer differently.
 */
export async function deleteUnder(s: S3Settings, prefix: string): Promise<number> {
  const keys: string[] = [];
  for await (const item of listObjects(s, prefix.endsWith("/") ? prefix : `${prefix}/`)) keys.push(item.relative);
  await Promise.all(keys.map((relative) => deleteObject(s, relative)));
  return keys.length;
}

/**
 * A GET link browsers can follow, signed for the public endpoint. `signingDate` lets a caller sign
 * the same link for a while (the browser then reuses its cached copy); `downloadName` makes it an
 * attachment. The type and cache headers are the ones the local folder sends.
 */
export function presignGet(
  s: S3Settings,
  relative: string,
  options: {
    expiresIn: number;
    signingDate?: Date;
    contentType: string;
    cacheControl: string;
    disposition?: string;
  },
): Promise<string> {
  return getSignedUrl(
    s3Clients(s).signer,
    new GetObjectCommand({
      Bucket: s.bucket,
      Key: objectKey(s, relative),
      ResponseContentType: options.contentType,
      ResponseCacheControl: options.cacheControl,
      ResponseContentDisposition: options.disposition,
    }),
    { expiresIn: options.expiresIn, signingDate: options.signingDate },
  );
}
