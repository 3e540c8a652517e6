import {
  VEO_LONG_ONLY_SIZES,
  VEO_OFFICIAL_MODELS,
  VEO_REVERSE_MODELS,
  VEO_SECONDS,
  VEO_SIZES,
} from "@/lib/upstream-schemas/veo-video";
import { apiErrors } from "../errors";
import type { JobRecord } from "../job";
import type { JobState } from "../job-clock";
import { PROFILE_RETENTION_SECONDS } from "../profile-names";
import type { ParsedBody } from "../read-body";
import { inspectReference, type ReferenceUpload } from "../reference-image";
import { validatePrompt } from "../validate-prompt";
import { newApiErrorBody } from "./new-api";
import type { NewJobRequest, SimulatorProfile } from "./profile";

// API易's Veo 3.1 routes on POST /v1/videos, per ../shared/upstream/relay-dialects.md.
// Official models: `size` in pixels, `seconds` a string "4" | "6" | "8" (1080p and 4k only "8"),
// one uploaded `input_reference`, progress 0/50/100, bytes only from /content, and a failed task
// may carry no error at all. Reverse models (`veo-3.1[-landscape][-fast][-fl]`): always 8 s,
// orientation from the id, `created` instead of `created_at`, failures as strings.

const MAX_PROMPT = 4000;
// CHOICE: a true 3840x2160 / 2160x3840 file at 2 frames per second: 8 fps would take about four
// times as long on two cores (docs/simulator.md); size and duration are what the contract fixes.
const FPS_4K = 2;
const FPS = 8;

function isOfficial(model: string): boolean {
  return (VEO_OFFICIAL_MODELS as readonly string[]).includes(model);
}

/** A single uploaded image (jpeg/png/webp); Veo refuses remote URLs and JSON objects. */
async function uploadedImage(value: unknown, param: string): Promise<ReferenceUpload | null> {
  if (value === undefined) return null;
  if (!(value instanceof Blob)) {
    throw apiErrors.badRequest(
      `'${param}' must be an uploaded image file (multipart/form-data, jpeg/png/webp); URLs are not supported.`,
      param,
    );
  }
  const upload = {
    bytes: new Uint8Array(await value.arrayBuffer()),
    mimetype: value.type || "application/octet-stream",
  };
  // Checked by decoding (jpeg/png/webp); any pixel size, cropped to the output.
  await inspectReference(upload);
  return upload;
}

async function validateVeoCreate(body: ParsedBody): Promise<NewJobRequest> {
  // CHOICE: unknown fields are ignored, as the gateway drops what it does not map.
  const { fields } = body;
  const prompt = validatePrompt(fields.prompt, MAX_PROMPT);
  const model = fields.model;
  if (model === undefined) throw apiErrors.missingParameter("model");
  const known = [...VEO_OFFICIAL_MODELS, ...VEO_REVERSE_MODELS] as readonly string[];
  if (typeof model !== "string" || !known.includes(model))
    throw apiErrors.badRequest(`Model '${String(model)}' is not available. Available: ${known.join(", ")}.`, "model");

  const reference = await uploadedImage(fields.input_reference, "input_reference");
  if (isOfficial(model)) {
    if (fields.last_frame !== undefined)
      throw apiErrors.badRequest(`'last_frame' is only accepted by the -fl models.`, "last_frame");
    // Recorded: a JSON number fails in new-api's request parsing.
    if (fields.seconds !== undefined && typeof fields.seconds !== "string")
      throw apiErrors.parseRequestFailed(
        "seconds",
        typeof fields.seconds === "number" ? "number" : typeof fields.seconds,
        "string",
      );
    const seconds = (fields.seconds as string | undefined) ?? "8";
    if (!(VEO_SECONDS as readonly string[]).includes(seconds))
      throw apiErrors.badRequest(`Invalid seconds '${seconds}': must be "4", "6" or "8".`, "seconds");
    // CHOICE: 1280x720 when `size` is omitted (Veo's own default is 16:9 720p).
    const size = fields.size ?? "1280x720";
    if (typeof size !== "string" || !(VEO_SIZES as readonly string[]).includes(size))
      throw apiErrors.badRequest(`Invalid size '${String(size)}': must be one of ${VEO_SIZES.join(", ")}.`, "size");
    if ((VEO_LONG_ONLY_SIZES as readonly string[]).includes(size) && seconds !== "8")
      throw apiErrors.badRequest(
        `Size ${size} (1080p and 4k) supports only seconds "8"; got "${seconds}". Use 1280x720 or 720x1280 for 4 or 6 seconds.`,
        "seconds",
      );
    const [width = 0, height = 0] = size.split("x").map(Number);
    const fps = Math.max(width, height) > 1920 ? FPS_4K : FPS;
    return { model, size, seconds, width, height, durationSeconds: Number(seconds), prompt, reference, fps };
  }

  // Reverse models: 8 s, orientation from the id. CHOICE: `size` and `seconds` are ignored.
  const firstLast = model.endsWith("-fl");
  const lastFrame = await uploadedImage(fields.last_frame, "last_frame");
  if (lastFrame !== null && !firstLast)
    throw apiErrors.badRequest(`'last_frame' is only accepted by the -fl models.`, "last_frame");
  // CHOICE: the -fl models need the first frame (`input_reference`); the last frame is optional.
  if (firstLast && reference === null)
    throw apiErrors.badRequest(`Model '${model}' needs a first frame in 'input_reference'.`, "input_reference");
  const landscape = model.includes("landscape");
  const [width, height] = landscape ? [1280, 720] : [720, 1280];
  return {
    model,
    size: `${width}x${height}`,
    seconds: "8",
    width,
    height,
    durationSeconds: 8,
    prompt,
    reference,
    lastFrame,
    fps: FPS,
  };
}

/** 0 while queued, 50 while running, 100 when done (what the route reports). */
function steppedProgress(state: JobState): number {
  if (state.status === "completed") return 100;
  return state.status === "queued" ? 0 : 50;
}

// CHOICE: the reverse models' failure strings (the official ones carry none).
function reverseErrorText(code: string): string {
  if (code === "moderation_blocked" || code === "content_filter") return "Content policy violation";
  return `生成失败 (${code})`;
}

function present(job: JobRecord, state: JobState): Record<string, unknown> {
  const created = Math.floor(job.createdMs / 1000);
  const answer: Record<string, unknown> = {
    id: job.id,
    task_id: job.id,
    object: "video",
    model: job.model,
    status: state.status,
    progress: state.status === "failed" ? 50 : steppedProgress(state),
  };
  if (isOfficial(job.model)) {
    answer.created_at = created;
    answer.completed_at = state.completedAt;
    answer.size = job.size;
    answer.seconds = job.seconds;
    // CHOICE: a failed official task carries no `error` at all (the worst documented case).
  } else {
    answer.created = created;
    answer.completed_at = state.completedAt;
    answer.size = job.size;
    answer.seconds = job.seconds;
    if (state.failure !== null) answer.error = reverseErrorText(state.failure.code);
  }
  return answer;
}

export const veoProfile: SimulatorProfile = {
  name: "veo",
  routes: { list: false, delete: false, remix: false },
  servesSignedLinks: false,
  variants: false,
  auth: "bearer-or-bare",
  defaultExpirySeconds: PROFILE_RETENTION_SECONDS.veo,
  // API易 answers /content with 400 for a few seconds after completion.
  contentDelaySeconds: 4,
  limits: null,
  maxPromptLength: MAX_PROMPT,
  validateCreate: validateVeoCreate,
  present,
  errorBody: newApiErrorBody,
};
