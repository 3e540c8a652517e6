import { apiErrors } from "../errors";
import { secondsFromVideoId } from "../ids";
import type { JobRecord } from "../job";
import { jobStateAt } from "../job-clock";
import { jsonResponse } from "../responses";
import type { ApiRouteContext, JobRouteContext } from "./route-context";

/** GET /videos/{id}: still answers after expiry (only the content goes away). */
export function retrieveVideo(ctx: JobRouteContext): Response {
  if (!ctx.job) throw apiErrors.videoNotFound(ctx.jobId);
  return jsonResponse(200, ctx.core.profile.present(ctx.job, jobStateAt(ctx.job, ctx.nowMs), ctx));
}

/** DELETE /videos/{id}: only finished jobs (completed or failed) can be deleted. */
export async function deleteVideo(ctx: JobRouteContext): Promise<Response> {
  const job = ctx.job;
  if (!job) throw apiErrors.videoNotFound(ctx.jobId);
  const { status } = jobStateAt(job, ctx.nowMs);
  if (status !== "completed" && status !== "failed") throw apiErrors.deleteNotAllowed(status);
  await ctx.core.deleteJob(job);
  return jsonResponse(200, { id: job.id, object: "video.deleted", deleted: true });
}

// CHOICE: 20 per page when no limit is given, as OpenAI's other list endpoints do.
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

function parseLimit(raw: string | null): number {
  if (raw === null) return DEFAULT_LIMIT;
  if (!/^-?\d+$/.test(raw.trim())) throw apiErrors.notAnInteger("limit", raw);
  const limit = Number(raw);
  if (limit < 0) throw apiErrors.integerOutOfRange("limit", "min", 0, limit);
  if (limit > MAX_LIMIT) throw apiErrors.integerOutOfRange("limit", "max", MAX_LIMIT, limit);
  return limit;
}

type SortKey = readonly [createdMs: number, seq: number];

function compareKeys(a: SortKey, b: SortKey): number {
  return a[0] - b[0] || a[1] - b[1];
}

const keyOf = (job: JobRecord): SortKey => [job.createdMs, job.seq];

/** GET /videos?limit&after&order: a cursor page of the caller's jobs, newest first by default. */
export function listVideos(ctx: ApiRouteContext): Response {
  const params = ctx.url.searchParams;
  const limit = parseLimit(params.get("limit"));
  const order = params.get("order") ?? "desc";
  if (order !== "asc" && order !== "desc") throw apiErrors.invalidValue("order", order, ["asc", "desc"]);
  const direction = order === "asc" ? 1 : -1;
  const jobs = ctx.core.jobs(ctx.owner).sort((a, b) => direction * compareKeys(keyOf(a), keyOf(b)));

  let remaining = jobs;
  const after = params.get("after");
  if (after !== null) {
    const cursorJob = ctx.core.findJob(after, ctx.owner);
    let cursor: SortKey | null = cursorJob ? keyOf(cursorJob) : null;
    if (cursor === null) {
      // CHOICE: a cursor whose job was deleted meanwhile (or is another key's) is placed by the
      // time in its id, so paging goes on instead of failing.
      const seconds = secondsFromVideoId(after);
      if (seconds === null) throw apiErrors.videoNotFound(after);
      cursor = direction === 1 ? [seconds * 1000 + 999, Number.MAX_SAFE_INTEGER] : [seconds * 1000, -1];
    }
    const key = cursor;
    remaining = jobs.filter((job) => direction * compareKeys(keyOf(job), key) > 0);
  }
  const page = remaining.slice(0, limit);
  const data = page.map((job) => ctx.core.profile.present(job, jobStateAt(job, ctx.nowMs), ctx));
  return jsonResponse(200, {
    object: "list",
    data,
    first_id: page[0]?.id ?? null,
    last_id: page[page.length - 1]?.id ?? null,
    has_more: remaining.length > page.length,
  });
}
