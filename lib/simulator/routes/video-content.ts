import { readFile } from "node:fs/promises";
import { VIDEO_CONTENT_VARIANTS, type VideoContentVariant } from "@/lib/upstream-schemas/video";
import { apiErrors } from "../errors";
import { findContentDelay, type Endpoint } from "../faults";
import { parseByteRange as parseRange } from "@/lib/http/byte-range";
import type { JobRecord } from "../job";
import { isExpired, jobStateAt } from "../job-clock";
import type { JobRouteContext } from "./route-context";

const CONTENT_TYPES: Record<VideoContentVariant, string> = {
  video: "video/mp4",
  thumbnail: "image/webp",
  spritesheet: "image/jpeg",
};

/** GET /videos/{id}/content?variant=video|thumbnail|spritesheet */
export async function videoContent(ctx: JobRouteContext): Promise<Response> {
  // CHOICE: channels without variants (new-api does not forward `variant`) ignore it: always the video.
  if (!ctx.core.profile.variants) return serveAsset(ctx, "content", "video");
  const variant = ctx.url.searchParams.get("variant") ?? "video";
  if (!(VIDEO_CONTENT_VARIANTS as readonly string[]).includes(variant)) {
    throw apiErrors.invalidValue("variant", variant, VIDEO_CONTENT_VARIANTS);
  }
  return serveAsset(ctx, "content", variant as VideoContentVariant);
}

/** An S3-style XML error, what a signed object-store link answers. */
function s3Error(status: number, code: string, message: string): Response {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  const bytes = new TextEncoder().encode(body);
  return new Response(bytes, {
    status,
    headers: { "content-type": "application/xml", "content-length": String(bytes.byteLength) },
  });
}

/** The signed link of a job (profile relay): no key, a token in the query, like a presigned S3 URL. */
export function signedLinkFor(publicRoot: string, job: JobRecord): string {
  return `${publicRoot}/cdn/${job.id}.mp4?token=${job.linkToken ?? ""}`;
}

/**
 * GET /cdn/{id}.mp4?token=…: the unauthenticated address a relay's `video_url` / `metadata.url` /
 * `urls[]` points to. Like a presigned S3 URL it refuses a request that also carries an
 * Authorization header (400 InvalidArgument), a wrong token (403 AccessDenied) and an expired
 * link (403), so a client is proven to fetch it without its key.
 */
export async function cdnVideo(ctx: JobRouteContext): Promise<Response> {
  if (ctx.request.headers.has("authorization")) {
    return s3Error(
      400,
      "InvalidArgument",
      "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified",
    );
  }
  const job = ctx.job;
  const token = ctx.url.searchParams.get("token");
  if (!job || !job.linkToken || token !== job.linkToken) return s3Error(403, "AccessDenied", "Access Denied");
  const state = jobStateAt(job, ctx.nowMs);
  if (state.status !== "completed") return s3Error(404, "NoSuchKey", "The specified key does not exist.");
  if (isExpired(state, ctx.nowMs)) return s3Error(403, "AccessDenied", "Request has expired");
  return serveAsset(ctx, "cdn", "video");
}

/**
 * The "not ready yet" 400 after completion: a `content400` rule of the job or the instance, else
 * the profile's own delay on /content (relays and API易: about 4 s, time-scaled at creation).
 */
async function checkContentDelay(
  ctx: JobRouteContext,
  job: JobRecord,
  endpoint: Endpoint,
  completedAtMs: number,
): Promise<void> {
  const { core } = ctx;
  const fromJob = findContentDelay(job.faults, endpoint);
  const delay = fromJob ?? findContentDelay(core.instanceFaults, endpoint);
  if (!delay) {
    const builtIn = endpoint === "content" ? (job.plan.contentDelayMs ?? 0) : 0;
    if (ctx.nowMs < completedAtMs + builtIn) throw apiErrors.contentNotYetAvailable();
    return;
  }
  if (ctx.nowMs >= completedAtMs + delay.seconds * 1000) return;
  delay.fire();
  if (fromJob) await core.store.save(job);
  throw apiErrors.contentNotYetAvailable();
}

async function serveAsset(ctx: JobRouteContext, endpoint: Endpoint, variant: VideoContentVariant): Promise<Response> {
  const job = ctx.job;
  if (!job) throw apiErrors.videoNotFound(ctx.jobId);
  const state = jobStateAt(job, ctx.nowMs);
  if (state.status === "failed") throw apiErrors.videoFailedNoContent();
  if (state.status !== "completed" || state.completedAtMs === null) throw apiErrors.videoNotReady(state.status);
  if (isExpired(state, ctx.nowMs)) throw apiErrors.contentExpired(job.id);
  await checkContentDelay(ctx, job, endpoint, state.completedAtMs);

  const { files } = await ctx.core.media.ensure(job);
  const bytes = await readFile(files[variant]);
  const headers: Record<string, string> = { "content-type": CONTENT_TYPES[variant], "accept-ranges": "bytes" };
  const range = parseRange(ctx.request.headers.get("range"), bytes.byteLength);
  if (range.kind === "unsatisfiable") {
    return new Response(null, {
      status: 416,
      headers: { ...headers, "content-range": `bytes */${bytes.byteLength}`, "content-length": "0" },
    });
  }
  if (range.kind === "partial") {
    const slice = bytes.subarray(range.start, range.end + 1);
    return new Response(slice, {
      status: 206,
      headers: {
        ...headers,
        "content-range": `bytes ${range.start}-${range.end}/${bytes.byteLength}`,
        "content-length": String(slice.byteLength),
      },
    });
  }
  return new Response(bytes, { status: 200, headers: { ...headers, "content-length": String(bytes.byteLength) } });
}
