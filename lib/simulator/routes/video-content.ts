import { readFile } from "node:fs/promises";
import { VIDEO_CONTENT_VARIANTS, type VideoContentVariant } from "@/lib/upstream-schemas/video";
import { apiErrors } from "../errors";
import { findContentDelay, type Endpoint } from "../faults";
import { parseRange } from "../http-range";
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
  const variant = ctx.url.searchParams.get("variant") ?? "video";
  if (!(VIDEO_CONTENT_VARIANTS as readonly string[]).includes(variant)) {
    throw apiErrors.invalidValue("variant", variant, VIDEO_CONTENT_VARIANTS);
  }
  return serveAsset(ctx, "content", variant as VideoContentVariant);
}

/** GET /cdn/{id}.mp4: the unauthenticated address a `url` field points to (yi-reverse). */
export async function cdnVideo(ctx: JobRouteContext): Promise<Response> {
  return serveAsset(ctx, "cdn", "video");
}

/** API易's CDN delay: a 400 for a while after completion, from the job's marker or the instance. */
async function checkContentDelay(
  ctx: JobRouteContext,
  job: JobRecord,
  endpoint: Endpoint,
  completedAtMs: number,
): Promise<void> {
  const { core } = ctx;
  const fromJob = findContentDelay(job.faults, endpoint);
  const delay = fromJob ?? findContentDelay(core.instanceFaults, endpoint);
  if (!delay || ctx.nowMs >= completedAtMs + delay.seconds * 1000) return;
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
