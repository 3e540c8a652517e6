import { PROFILE_RETENTION_SECONDS } from "../profile-names";
import { KNOWN_VIDEO_MODELS, VIDEO_SECONDS, VIDEO_SIZES } from "@/lib/upstream-schemas/video";
import { apiErrors } from "../errors";
import type { JobRecord } from "../job";
import type { JobState } from "../job-clock";
import { rejectUnknownFields, type ParsedBody } from "../read-body";
import { inspectReference, readReferenceField } from "../reference-image";
import { validatePrompt } from "../validate-prompt";
import type { NewJobRequest, SimulatorProfile } from "./profile";

const MAX_PROMPT = 32_000;
const CREATE_FIELDS = ["prompt", "model", "seconds", "size", "input_reference"] as const;
const STANDARD_SIZES = ["720x1280", "1280x720"] as const;

function isPro(model: string): boolean {
  return model.startsWith("sora-2-pro");
}

/** Sizes a model may render: sora-2 only the two 720p ones, sora-2-pro all four (digest, [guide]). */
export function sizesForModel(model: string): readonly string[] {
  return isPro(model) ? VIDEO_SIZES : STANDARD_SIZES;
}

function stringParam(fields: Record<string, unknown>, name: string, fallback: string, expected = "a string"): string {
  const value = fields[name];
  if (value === undefined) return fallback;
  if (typeof value !== "string") throw apiErrors.invalidType(name, expected, value);
  return value;
}

export async function validateOpenAiCreate(body: ParsedBody): Promise<NewJobRequest> {
  const { fields } = body;
  // CHOICE: unknown fields are refused ("Unrecognized request argument"), as OpenAI does elsewhere,
  // so a typo in the studio's client shows up in tests instead of being silently ignored.
  rejectUnknownFields(fields, CREATE_FIELDS);
  const prompt = validatePrompt(fields.prompt, MAX_PROMPT);

  const model = stringParam(fields, "model", "sora-2");
  if (!(KNOWN_VIDEO_MODELS as readonly string[]).includes(model))
    throw apiErrors.invalidValue("model", model, KNOWN_VIDEO_MODELS);

  // Recorded: a JSON number for seconds is a type error, not a value error.
  const seconds = stringParam(fields, "seconds", "4", "one of '4', '8', or '12'");
  if (!(VIDEO_SECONDS as readonly string[]).includes(seconds))
    throw apiErrors.invalidValue("seconds", seconds, VIDEO_SECONDS);

  const size = stringParam(fields, "size", "720x1280");
  if (!(VIDEO_SIZES as readonly string[]).includes(size)) throw apiErrors.invalidValue("size", size, VIDEO_SIZES);
  const allowed = sizesForModel(model);
  if (!allowed.includes(size)) throw apiErrors.sizeNotAllowedForModel(model, size, allowed);
  const [width = 0, height = 0] = size.split("x").map(Number);

  const reference = await readReferenceField(fields.input_reference, body.encoding);
  if (reference !== null) {
    const decoded = await inspectReference(reference);
    if (decoded.width !== width || decoded.height !== height) throw apiErrors.inpaintSizeMismatch();
  }
  return { model, size, seconds, width, height, durationSeconds: Number(seconds), prompt, reference };
}

export function toVideoResource(job: JobRecord, state: JobState): Record<string, unknown> {
  return {
    id: job.id,
    object: "video",
    model: job.model,
    status: state.status,
    progress: state.progress,
    created_at: Math.floor(job.createdMs / 1000),
    completed_at: state.completedAt,
    expires_at: state.expiresAt,
    prompt: job.prompt,
    size: job.size,
    seconds: job.seconds,
    remixed_from_video_id: job.remixedFromVideoId,
    error: state.failure,
    // Not in the schema, but in every example answer of the spec.
    quality: "standard",
  };
}

export const openAiProfile: SimulatorProfile = {
  name: "openai",
  routes: { list: true, delete: true, remix: true },
  servesSignedLinks: false,
  variants: true,
  auth: "bearer",
  defaultExpirySeconds: PROFILE_RETENTION_SECONDS.openai,
  contentDelaySeconds: 0,
  limits: null,
  maxPromptLength: MAX_PROMPT,
  validateCreate: validateOpenAiCreate,
  present: (job, state) => toVideoResource(job, state),
};
