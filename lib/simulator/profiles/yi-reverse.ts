import {
  YI_REVERSE_LEGACY_MODELS,
  YI_REVERSE_SECONDS,
  YI_REVERSE_SIZES,
  type YiReverseLegacyModel,
} from "@/lib/upstream-schemas/yi-reverse-video";
import { apiErrors, SimulatorHttpError } from "../errors";
import type { JobRecord } from "../job";
import type { JobState } from "../job-clock";
import { PROFILE_RETENTION_SECONDS } from "../profile-names";
import type { ParsedBody } from "../read-body";
import { inspectReference, readReferenceField } from "../reference-image";
import { validatePrompt } from "../validate-prompt";
import type { NewJobRequest, PresentContext, SimulatorProfile } from "./profile";

// API易's 官逆 (reverse-engineered) Sora channel, per ../shared/upstream/relay-dialects.md:
// model `sora-2` with size 1280x720 | 720x1280 and seconds 10 | 15, or the older model names that
// carry orientation and length (`sora_video2-landscape-15s`). Its output is the Sora app's: 704 px
// on the short side.
const SHORT_SIDE = 704;
// "prompt < 1000 chars".
const MAX_PROMPT = 999;
// "input_reference: PNG/JPG < 10 MB".
const MAX_REFERENCE_BYTES = 10 * 1024 * 1024;
const MODELS = ["sora-2", ...YI_REVERSE_LEGACY_MODELS] as const;

/** The nominal size and length an older model name stands for. */
export function yiLegacyShape(model: YiReverseLegacyModel): { size: string; seconds: string } {
  return {
    size: model.includes("landscape") ? "1280x720" : "720x1280",
    seconds: model.endsWith("-15s") ? "15" : "10",
  };
}

/** What the channel renders for a nominal size: 704 px on the short side. */
export function yiOutputSize(size: string): { width: number; height: number } {
  return size === "1280x720" ? { width: 1280, height: SHORT_SIDE } : { width: SHORT_SIDE, height: 1280 };
}

function invalid(message: string, param: string): SimulatorHttpError {
  return apiErrors.badRequest(message, param);
}

// CHOICE: `seconds` may be a string (multipart, the documented form) or a JSON number; unknown
// fields are ignored, as API易's gateway does.
function readSeconds(value: unknown): string {
  if (value === undefined) return "10";
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !(YI_REVERSE_SECONDS as readonly string[]).includes(text))
    throw invalid(`Invalid seconds '${String(value)}': must be 10 or 15.`, "seconds");
  return text;
}

async function validateYiCreate(body: ParsedBody): Promise<NewJobRequest> {
  const { fields } = body;
  const prompt = validatePrompt(fields.prompt, MAX_PROMPT);
  const model = fields.model === undefined ? "sora-2" : fields.model;
  if (typeof model !== "string" || !(MODELS as readonly string[]).includes(model))
    throw invalid(`Invalid model '${String(model)}': use one of ${MODELS.join(", ")}.`, "model");

  let size: string;
  let seconds: string;
  if (model === "sora-2") {
    const rawSize = fields.size ?? "720x1280";
    if (typeof rawSize !== "string" || !(YI_REVERSE_SIZES as readonly string[]).includes(rawSize))
      throw invalid(`Invalid size '${String(rawSize)}': must be 1280x720 or 720x1280.`, "size");
    size = rawSize;
    seconds = readSeconds(fields.seconds);
  } else {
    // CHOICE: the older names decide orientation and length; `size`/`seconds` are ignored.
    ({ size, seconds } = yiLegacyShape(model as YiReverseLegacyModel));
  }

  const reference = await readReferenceField(fields.input_reference, body.encoding);
  if (reference !== null) {
    if (reference.bytes.byteLength >= MAX_REFERENCE_BYTES)
      throw invalid("input_reference must be smaller than 10 MB.", "input_reference");
    // CHOICE: checked by decoding; any pixel size is accepted and cropped to the output size.
    const decoded = await inspectReference(reference);
    if (decoded.format !== "png" && decoded.format !== "jpeg")
      throw invalid(`input_reference must be a PNG or JPG image, got ${decoded.format}.`, "input_reference");
  }
  const output = yiOutputSize(size);
  return { model, size, seconds, ...output, durationSeconds: Number(seconds), prompt, reference };
}

// "Content policy violation" is the documented example; the others are choices.
function yiErrorText(code: string): string {
  if (code === "moderation_blocked" || code === "content_filter") return "Content policy violation";
  return `Video generation failed: ${code}`;
}

// CHOICE: ids keep OpenAI's `video_` form; `size` reports the requested (nominal) size, while the
// file is 704 px on its short side.
function present(job: JobRecord, state: JobState, context: PresentContext): Record<string, unknown> {
  const createdAt = Math.floor(job.createdMs / 1000);
  if (state.failure !== null) {
    // Documented failure shape: exactly these keys, progress 0.
    return { id: job.id, status: "failed", progress: 0, error: yiErrorText(state.failure.code), created_at: createdAt };
  }
  return {
    id: job.id,
    status: state.status === "queued" ? "submitted" : state.status,
    progress: state.progress,
    prompt: job.prompt,
    model: job.model,
    size: job.size,
    seconds: job.seconds,
    created_at: createdAt,
    // Needs the key (Authorization: sk-…), and answers 400 for about 4 s after completion.
    url: state.status === "completed" ? `${context.publicRoot}/v1/videos/${job.id}/content` : null,
    completed_at: state.completedAt,
  };
}

/** API易's envelope `{error: {code, message, type}}` with its own codes; a bad key is a 403. */
function errorBody(error: SimulatorHttpError): { status: number; body: unknown } {
  const { message } = error.fields;
  const envelope = (status: number, code: string, type: string, text = message) => ({
    status,
    body: { error: { code, message: text, type } },
  });
  if (error.tag === "missing_key") return envelope(401, "authentication_error", "authentication_error");
  if (error.tag === "invalid_key")
    return envelope(403, "authentication_error", "authentication_error", "Invalid API key (无效的令牌).");
  if (error.tag === "quota")
    return envelope(403, "insufficient_quota", "insufficient_quota", "Insufficient balance (余额不足).");
  if (error.status === 429) return envelope(429, "rate_limit_exceeded", "rate_limit_error");
  if (error.status >= 500) return envelope(error.status, "server_error", "server_error");
  return envelope(error.status, "invalid_request", "invalid_request_error");
}

export const yiReverseProfile: SimulatorProfile = {
  name: "yi-reverse",
  routes: { list: false, delete: false, remix: false },
  servesSignedLinks: false,
  variants: false,
  auth: "bearer-or-bare",
  defaultExpirySeconds: PROFILE_RETENTION_SECONDS["yi-reverse"],
  contentDelaySeconds: 4,
  limits: { createsPerWindow: 10, maxRunning: 5 },
  maxPromptLength: MAX_PROMPT,
  validateCreate: validateYiCreate,
  present,
  errorBody,
};
