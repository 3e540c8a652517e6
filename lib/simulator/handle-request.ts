import { setTimeout as sleep } from "node:timers/promises";
import { authenticate } from "./api-keys";
import { apiErrors, SimulatorHttpError } from "./errors";
import { planHttpFaults, type Endpoint, type HttpFaultPlan } from "./faults";
import { newRequestId } from "./ids";
import type { JobRecord } from "./job";
import { droppedConnection, errorResponse, isDroppedConnection, jsonResponse, truncateResponse } from "./responses";
import { controlRoute } from "./routes/control";
import { createVideo, remixVideo } from "./routes/create-video";
import { deleteVideo, listVideos, retrieveVideo } from "./routes/read-videos";
import type { ApiRouteContext, RouteContext } from "./routes/route-context";
import { cdnVideo, videoContent } from "./routes/video-content";
import type { SimulatorCore } from "./simulator-core";

interface ApiRoute {
  endpoint: Endpoint;
  jobId: string | null;
  run: (ctx: ApiRouteContext) => Response | Promise<Response>;
}

/** Maps `METHOD /videos...` (the part after /v1) to a route; null when there is none. */
function matchApiRoute(core: SimulatorCore, method: string, path: string): ApiRoute | null {
  const { routes } = core.profile;
  const segments = path.replace(/\/+$/, "").split("/").slice(1).map(decodeURIComponent);
  const [collection, jobId, action, ...extra] = segments;
  if (collection !== "videos" || extra.length > 0) return null;
  if (jobId === "models" && action === undefined && method === "GET" && core.profile.listModels) {
    const list = core.profile.listModels.bind(core.profile);
    return { endpoint: "models", jobId: null, run: list };
  }
  if (jobId === undefined) {
    if (method === "POST") return { endpoint: "create", jobId: null, run: createVideo };
    if (method === "GET" && routes.list) return { endpoint: "list", jobId: null, run: listVideos };
    return null;
  }
  if (action === undefined) {
    if (method === "GET") return { endpoint: "retrieve", jobId, run: retrieveVideo };
    if (method === "DELETE" && routes.delete) return { endpoint: "delete", jobId, run: deleteVideo };
    return null;
  }
  if (action === "content" && method === "GET") return { endpoint: "content", jobId, run: videoContent };
  if (action === "remix" && method === "POST" && routes.remix) return { endpoint: "remix", jobId, run: remixVideo };
  return null;
}

/** An error in the profile's envelope (OpenAI's unless the profile has its own). */
function profileError(core: SimulatorCore, error: SimulatorHttpError): Response {
  const custom = core.profile.errorBody?.(error);
  if (!custom) return errorResponse(error);
  return jsonResponse(custom.status, custom.body, error.headers);
}

// CHOICE: retry-after defaults to 1 s for 429 and "saturated", so retrying clients stay fast in tests.
function terminalFault(core: SimulatorCore, terminal: NonNullable<HttpFaultPlan["terminal"]>): Response {
  switch (terminal.kind) {
    case "429":
      return profileError(core, apiErrors.rateLimited(terminal.value ?? 1));
    case "saturated":
      return profileError(core, apiErrors.upstreamSaturated(terminal.value ?? 1));
    case "quota":
      return profileError(core, apiErrors.insufficientQuota());
    case "500":
      return profileError(core, apiErrors.serverError());
    case "503":
      return profileError(core, apiErrors.serviceUnavailable(terminal.value));
    case "drop":
      return droppedConnection();
  }
}

async function runAsResponse(core: SimulatorCore, run: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SimulatorHttpError) return profileError(core, error);
    throw error;
  }
}

/**
 * Runs one route with the instance's and the job's fault rules applied around it. `job` is the
 * job the caller may see (undefined: none, or not theirs), so another key's markers never fire.
 */
async function runWithFaults(
  core: SimulatorCore,
  request: Request,
  endpoint: Endpoint,
  job: JobRecord | undefined,
  run: (nowMs: number) => Response | Promise<Response>,
): Promise<Response> {
  const plan = planHttpFaults(job ? [core.instanceFaults, job.faults] : [core.instanceFaults], endpoint);
  if (job && plan.consumed[1]) await core.store.save(job);
  if (plan.delayMs > 0) await sleep(plan.delayMs, undefined, { signal: request.signal }).catch(() => undefined);
  if (plan.terminal) return terminalFault(core, plan.terminal);
  const response = await runAsResponse(core, () => run(core.now()));
  return plan.truncate ? truncateResponse(response) : response;
}

async function dispatch(core: SimulatorCore, request: Request, root: string): Promise<Response> {
  const url = new URL(request.url);
  const method = request.method === "HEAD" ? "GET" : request.method;
  const sub = url.pathname.startsWith(`${root}/`) ? url.pathname.slice(root.length) : null;
  const publicRoot = `${url.origin}${root}`;
  if (sub === null) throw apiErrors.invalidUrl(request.method, url.pathname);

  if (sub.startsWith("/v1/")) {
    const route = matchApiRoute(core, method, sub.slice("/v1".length));
    if (!route) {
      core.stats.record("unknown", null);
      throw apiErrors.invalidUrl(request.method, sub);
    }
    core.stats.record(route.endpoint, route.jobId);
    const { owner, form } = authenticate(core.options, request, core.profile.auth);
    core.stats.recordAuth(form);
    const jobId = route.jobId ?? "";
    const job = route.jobId === null ? undefined : core.findJob(route.jobId, owner);
    return runWithFaults(core, request, route.endpoint, job, (nowMs) =>
      route.run({ core, request, url, nowMs, publicRoot, jobId, job, owner }),
    );
  }
  if (sub.startsWith("/cdn/") && core.profile.servesSignedLinks) {
    const match = /^\/cdn\/([^/]+)\.mp4$/.exec(sub);
    const jobId = match?.[1];
    if (jobId) {
      core.stats.record("cdn", jobId);
      const job = core.findJobByCdnId(jobId);
      return runWithFaults(core, request, "cdn", job, (nowMs) =>
        cdnVideo({ core, request, url, nowMs, publicRoot, jobId, job }),
      );
    }
  }
  if (sub.startsWith("/__simulator/") && core.options.controlRoutes) {
    const ctx: RouteContext = { core, request, url, nowMs: core.now(), publicRoot };
    const action = sub.slice("/__simulator/".length);
    const answer = (await controlRoute(ctx, method, action)) ?? (await core.profile.control?.(ctx, method, action));
    if (answer) return answer;
  }
  throw apiErrors.invalidUrl(request.method, sub);
}

/**
 * The web-standard entry point: every answer, error or not, carries an x-request-id. `root` is
 * the path prefix this profile is mounted at (its API is `<root>/v1`); default: the basePath's.
 */
export async function handleRequest(
  core: SimulatorCore,
  request: Request,
  root = core.options.basePath.slice(0, -"/v1".length),
): Promise<Response> {
  const requestId = newRequestId();
  let response: Response;
  try {
    await core.ready;
    response = await dispatch(core, request, root);
  } catch (error) {
    if (error instanceof SimulatorHttpError) {
      response = profileError(core, error);
    } else {
      core.options.log(
        `simulator: ${request.method} ${request.url} failed: ${(error as Error).stack ?? String(error)}`,
      );
      response = profileError(core, apiErrors.serverError());
    }
  }
  response.headers.set("x-request-id", requestId);
  if (request.method === "HEAD" && !isDroppedConnection(response)) {
    await response.body?.cancel();
    return new Response(null, { status: response.status, headers: response.headers });
  }
  return response;
}
