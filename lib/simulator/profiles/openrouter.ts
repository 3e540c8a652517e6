import { pixelsOf } from "@/lib/models/catalogue";
import { apiErrors, type SimulatorHttpError } from "../errors";
import type { JobRecord } from "../job";
import type { JobState } from "../job-clock";
import { CALLBACK_SECRET_HEADER, scheduleCallback, type CallbackTarget } from "../openrouter-callbacks";
import {
  listPriceUsd,
  modelFromControl,
  defaultOpenRouterCatalogue,
  openRouterState,
  type OpenRouterModel,
} from "../openrouter-catalogue";
import { PROFILE_RETENTION_SECONDS } from "../profile-names";
import { readBody } from "../read-body";
import { inspectReference, readReferenceField, type ReferenceUpload } from "../reference-image";
import { jsonResponse } from "../responses";
import { signedLinkFor } from "../routes/video-content";
import { validatePrompt } from "../validate-prompt";
import type { NewJobRequest, PresentContext, SimulatorProfile } from "./profile";

// OpenRouter's video API (../shared/upstream/relay-dialects.md): JSON `POST /videos` with
// `model`, `prompt`, integer `duration`, `resolution`, `aspect_ratio`, `generate_audio`, `seed`,
// `frame_images[]`, `callback_url` → 202 `{id, polling_url, status: "pending"}`; `GET
// /videos/{id}` → `{status, error (a string), urls[], unsigned_urls[], usage{cost}}`; bytes from
// `/content?index=0`; the live catalogue at `GET /videos/models`; a value outside the model's
// published set is a 400. Signed completion callbacks: ../openrouter-callbacks.ts.

const MAX_PROMPT = 4000;

type Extra = { costUsd: number; callback?: CallbackTarget; resolution: string; aspectRatio: string };

function outside(param: string, value: unknown, allowed: readonly (string | number)[]): SimulatorHttpError {
  return apiErrors.badRequest(
    `Invalid '${param}': ${JSON.stringify(value)} is not supported by this model. Supported: ${allowed.join(", ")}.`,
    param,
    "invalid_value",
  );
}

function pick<T extends string | number>(param: string, value: unknown, allowed: readonly T[]): T {
  if (value === undefined) {
    const first = allowed[0];
    if (first === undefined) throw apiErrors.badRequest(`This model has no '${param}'.`, param);
    return first;
  }
  if (!(allowed as readonly unknown[]).includes(value)) throw outside(param, value, allowed);
  return value as T;
}

async function frameImages(value: unknown, allowed: readonly string[]) {
  const frames: { first: ReferenceUpload | null; last: ReferenceUpload | null } = { first: null, last: null };
  if (value === undefined) return frames;
  if (!Array.isArray(value)) throw apiErrors.invalidType("frame_images", "an array", value);
  for (const item of value as Record<string, unknown>[]) {
    const frameType = item?.frame_type;
    if (frameType !== "first_frame" && frameType !== "last_frame") throw outside("frame_type", frameType, allowed);
    if (!allowed.includes(frameType)) throw outside("frame_images", frameType, allowed);
    const imageUrl = (item.image_url as { url?: unknown } | undefined)?.url;
    if (item.type !== "image_url" || typeof imageUrl !== "string")
      throw apiErrors.badRequest("Each frame image is {type: 'image_url', image_url: {url}}.", "frame_images");
    const key = frameType === "first_frame" ? "first" : "last";
    if (frames[key]) throw apiErrors.badRequest(`Only one ${frameType} is allowed.`, "frame_images");
    const upload = await readReferenceField({ image_url: imageUrl }, "json");
    if (upload) await inspectReference(upload);
    frames[key] = upload;
  }
  return frames;
}

function callbackTarget(value: unknown, headers: Headers): CallbackTarget | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !/^https?:\/\//.test(value))
    throw apiErrors.badRequest("'callback_url' must be an http(s) URL.", "callback_url");
  return { url: value, secret: headers.get(CALLBACK_SECRET_HEADER) };
}

const findModel = (catalogue: readonly OpenRouterModel[], id: unknown) => catalogue.find((m) => m.id === id);

const openRouterCreate: SimulatorProfile["validateCreate"] = async (body, ctx) => {
  if (!ctx) throw new Error("openrouter: validateCreate needs the route context");
  const state = openRouterState(ctx.core);
  if (body.encoding !== "json") throw apiErrors.badRequest("The body must be JSON.", null);
  const { fields } = body;
  const prompt = validatePrompt(fields.prompt, MAX_PROMPT);
  if (fields.model === undefined) throw apiErrors.missingParameter("model");
  const model = findModel(state.catalogue, fields.model);
  if (!model)
    throw apiErrors.badRequest(`Model '${String(fields.model)}' is not a video model.`, "model", "model_not_found");
  if (fields.duration !== undefined && !Number.isInteger(fields.duration))
    throw apiErrors.invalidType("duration", "an integer", fields.duration);
  const duration = pick("duration", fields.duration, model.supported_durations);
  const resolution = pick("resolution", fields.resolution, model.supported_resolutions);
  const aspectRatio = pick("aspect_ratio", fields.aspect_ratio, model.supported_aspect_ratios);
  const pixels = pixelsOf(resolution, aspectRatio);
  const size = pixels ? `${pixels.width}x${pixels.height}` : "";
  if (!pixels || (model.supported_sizes && !model.supported_sizes.includes(size)))
    throw outside("resolution", `${resolution} ${aspectRatio}`, model.supported_sizes ?? []);
  if (fields.generate_audio !== undefined) {
    if (typeof fields.generate_audio !== "boolean")
      throw apiErrors.invalidType("generate_audio", "a boolean", fields.generate_audio);
    if (fields.generate_audio && !model.generate_audio)
      throw apiErrors.badRequest(`Model '${model.id}' cannot generate audio.`, "generate_audio", "invalid_value");
  }
  if (fields.seed !== undefined && !Number.isInteger(fields.seed))
    throw apiErrors.invalidType("seed", "an integer", fields.seed);
  const frames = await frameImages(fields.frame_images, model.supported_frame_images);
  const list = listPriceUsd(model, resolution, duration) ?? 0;
  const extra: Extra = {
    // CHOICE: the bill is fixed at create (list price × the billing knob then in force), to 6 decimals.
    costUsd: Math.round(list * state.costFactor * 1e6) / 1e6,
    resolution,
    aspectRatio,
  };
  const callback = callbackTarget(fields.callback_url, ctx.request.headers);
  if (callback) extra.callback = callback;
  return {
    model: model.id,
    size,
    seconds: String(duration),
    width: pixels.width,
    height: pixels.height,
    durationSeconds: duration,
    prompt,
    reference: frames.first,
    lastFrame: frames.last,
    extra,
  } satisfies NewJobRequest;
};

const STATUS: Record<JobState["status"], string> = {
  queued: "pending",
  in_progress: "in_progress",
  completed: "completed",
  failed: "failed",
};

function failureText(code: string): string {
  if (code === "moderation_blocked" || code === "content_filter") return "Content policy violation";
  return `Generation failed (${code})`;
}

function present(job: JobRecord, state: JobState, context: PresentContext): Record<string, unknown> {
  const extra = (job.extra ?? {}) as Partial<Extra>;
  const answer: Record<string, unknown> = {
    id: job.id,
    object: "video",
    model: job.model,
    status: STATUS[state.status],
    polling_url: `${context.publicRoot}/v1/videos/${job.id}`,
    created_at: Math.floor(job.createdMs / 1000),
    prompt: job.prompt,
    duration: Number(job.seconds),
    resolution: extra.resolution ?? null,
    aspect_ratio: extra.aspectRatio ?? null,
  };
  if (state.status === "completed") {
    answer.completed_at = state.completedAt;
    answer.urls = [`${context.publicRoot}/v1/videos/${job.id}/content?index=0`];
    answer.unsigned_urls = [signedLinkFor(context.publicRoot, job)];
    answer.usage = { cost: extra.costUsd ?? 0 };
  }
  if (state.failure !== null) answer.error = failureText(state.failure.code);
  return answer;
}

/** /__simulator/catalogue (add, change, remove, reset) and /__simulator/billing, /__simulator/callbacks. */
const control: NonNullable<SimulatorProfile["control"]> = async (ctx, method, action) => {
  const state = openRouterState(ctx.core);
  const catalogueAnswer = () => jsonResponse(200, { data: state.catalogue });
  if (action === "catalogue" && method === "GET") return catalogueAnswer();
  if (action === "catalogue" && method === "DELETE") {
    state.catalogue = defaultOpenRouterCatalogue();
    return catalogueAnswer();
  }
  if (action === "catalogue" && method === "POST") {
    const { fields } = await readBody(ctx.request);
    const added = fields.add === undefined ? null : modelFromControl(fields.add);
    if (fields.add !== undefined && !added) throw apiErrors.badRequest("'add' must be a model with an id.", "add");
    if (added) state.catalogue = [...state.catalogue.filter((m) => m.id !== added.id), added];
    if (typeof fields.remove === "string") state.catalogue = state.catalogue.filter((m) => m.id !== fields.remove);
    const change = fields.change as Partial<OpenRouterModel> | undefined;
    if (change && typeof change.id === "string")
      state.catalogue = state.catalogue.map((m) => (m.id === change.id ? { ...m, ...change } : m));
    return catalogueAnswer();
  }
  if (action === "billing" && method === "POST") {
    const { fields } = await readBody(ctx.request);
    const factor = fields.costFactor;
    if (typeof factor !== "number" || !(factor >= 0) || factor > 100)
      throw apiErrors.badRequest("'costFactor' must be a number from 0 to 100.", "costFactor");
    state.costFactor = factor;
    return jsonResponse(200, { costFactor: state.costFactor });
  }
  if (action === "callbacks" && method === "GET") return jsonResponse(200, { deliveries: state.deliveries });
  return null;
};

export const openRouterProfile: SimulatorProfile = {
  name: "openrouter",
  // CHOICE: OpenRouter's job ids are opaque; `vid_` + 48 hex keeps the time in the id like the others.
  idPrefix: "vid_",
  routes: { list: false, delete: false, remix: false },
  // `unsigned_urls[]`: a link without the key, beside the authenticated `urls[]`.
  servesSignedLinks: true,
  variants: false,
  auth: "bearer",
  defaultExpirySeconds: PROFILE_RETENTION_SECONDS.openrouter,
  contentDelaySeconds: 0,
  limits: null,
  maxPromptLength: MAX_PROMPT,
  validateCreate: openRouterCreate,
  createdAnswer: (job, state, context) => ({
    status: 202,
    body: { id: job.id, polling_url: `${context.publicRoot}/v1/videos/${job.id}`, status: STATUS[state.status] },
  }),
  afterCreate: (job, ctx) => {
    const callback = (job.extra as Partial<Extra> | undefined)?.callback;
    if (callback) scheduleCallback(ctx.core, job, callback, { publicRoot: ctx.publicRoot }, present);
  },
  listModels: (ctx) => jsonResponse(200, { data: openRouterState(ctx.core).catalogue }),
  present,
  control,
  // OpenRouter's envelope: `{error: {code: <HTTP status>, message}}`.
  errorBody: (error) => ({ status: error.status, body: { error: { code: error.status, message: error.message } } }),
};
