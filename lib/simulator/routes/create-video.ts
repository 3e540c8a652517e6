import { apiErrors } from "../errors";
import { isHttpFault, takeJobFaults } from "../faults";
import { jobStateAt } from "../job-clock";
import { extractPromptMarkers } from "../prompt-markers";
import type { NewJobRequest } from "../profiles/profile";
import { readBody, rejectUnknownFields } from "../read-body";
import { jsonResponse } from "../responses";
import type { NewJob } from "../simulator-core";
import { validatePrompt } from "../validate-prompt";
import type { ApiRouteContext } from "./route-context";

async function startJob(
  ctx: ApiRouteContext,
  request: NewJobRequest,
  remixedFromVideoId: string | null,
): Promise<Response> {
  const { core } = ctx;
  const markers = extractPromptMarkers(request.prompt);
  const newJob: NewJob = {
    ...request,
    owner: ctx.owner,
    visiblePrompt: markers.visiblePrompt,
    remixedFromVideoId,
    jobFaults: takeJobFaults(markers.rules, core.instanceFaults),
    httpFaults: markers.rules.filter(isHttpFault),
  };
  const job = await core.createJob(newJob);
  core.limiter?.record(ctx.owner, ctx.nowMs);
  core.stats.attribute(remixedFromVideoId === null ? "create" : "remix", job.id);
  core.profile.afterCreate?.(job, ctx);
  const state = jobStateAt(job, ctx.nowMs);
  const created = core.profile.createdAnswer?.(job, state, ctx);
  if (created) return jsonResponse(created.status, created.body);
  return jsonResponse(200, core.profile.present(job, state, ctx));
}

/** The channel's per-key limits (a gateway checks them before reading the request). */
function checkLimits(ctx: ApiRouteContext): void {
  const { core } = ctx;
  core.limiter?.check(ctx.owner, ctx.nowMs, core.runningJobs(ctx.owner, ctx.nowMs));
}

/** POST /videos */
export async function createVideo(ctx: ApiRouteContext): Promise<Response> {
  checkLimits(ctx);
  const request = await ctx.core.profile.validateCreate(await readBody(ctx.request), ctx);
  return startJob(ctx, request, null);
}

/** POST /videos/{id}/remix: a new job with the source's model, size and duration, owned by the caller. */
export async function remixVideo(ctx: ApiRouteContext): Promise<Response> {
  const source = ctx.job;
  if (!source) throw apiErrors.videoNotFound(ctx.jobId);
  ctx.core.profile.checkRemix?.(source);
  checkLimits(ctx);
  const body = await readBody(ctx.request);
  rejectUnknownFields(body.fields, ["prompt"]);
  const prompt = validatePrompt(body.fields.prompt, ctx.core.profile.maxPromptLength);
  const state = jobStateAt(source, ctx.nowMs);
  // CHOICE: an expired source can still be remixed; only the status matters.
  if (state.status !== "completed") throw apiErrors.remixSourceNotCompleted(state.status);
  const { render } = source;
  return startJob(
    ctx,
    {
      model: source.model,
      size: source.size,
      seconds: source.seconds,
      width: render.width,
      height: render.height,
      durationSeconds: render.seconds,
      ...(render.fps === undefined ? {} : { fps: render.fps }),
      prompt,
      // CHOICE: a remix does not inherit the source's reference image; its frames name the source.
      reference: null,
    },
    source.id,
  );
}
