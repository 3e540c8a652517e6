import { YI_REVERSE_MODELS, type YiReverseModel } from "@/lib/upstream-schemas/yi-reverse-video";
import { apiErrors } from "../errors";
import type { JobRecord } from "../job";
import type { JobState } from "../job-clock";
import type { ParsedBody } from "../read-body";
import { inspectReference, readReferenceField } from "../reference-image";
import { validatePrompt } from "../validate-prompt";
import type { NewJobRequest, PresentContext, SimulatorProfile } from "./profile";

// API易's 官逆 (reverse-engineered) Sora channel, from the digest's last section. Its output is
// the Sora app's: 704 px on the short side.
// CHOICE: portrait is 704x1280 and landscape 1280x704 (the digest only says "704 px wide").
const PORTRAIT = { width: 704, height: 1280 };
const LANDSCAPE = { width: 1280, height: 704 };
// "prompt under 1000 chars".
const MAX_PROMPT = 999;

export function yiModelShape(model: YiReverseModel): { width: number; height: number; seconds: number } {
  const frame = model.includes("landscape") ? LANDSCAPE : PORTRAIT;
  return { ...frame, seconds: model.endsWith("-15s") ? 15 : 10 };
}

// CHOICE: duration and orientation come from the model name alone; `seconds` and `size` are
// ignored, and unknown fields pass through as API易's gateway lets them.
async function validateYiCreate(body: ParsedBody): Promise<NewJobRequest> {
  const { fields } = body;
  const prompt = validatePrompt(fields.prompt, MAX_PROMPT);
  const model = fields.model === undefined ? "sora_video2" : fields.model;
  if (typeof model !== "string") throw apiErrors.invalidType("model", "a string", model);
  if (!(YI_REVERSE_MODELS as readonly string[]).includes(model))
    throw apiErrors.invalidValue("model", model, YI_REVERSE_MODELS);
  const shape = yiModelShape(model as YiReverseModel);
  const reference = await readReferenceField(fields.input_reference, body.encoding);
  // CHOICE: any JPEG/PNG/WebP is accepted and cropped to the output size (no Inpaint rule known).
  if (reference !== null) await inspectReference(reference);
  return {
    model,
    size: `${shape.width}x${shape.height}`,
    seconds: String(shape.seconds),
    width: shape.width,
    height: shape.height,
    durationSeconds: shape.seconds,
    prompt,
    reference,
  };
}

// "Content policy violation" is the documented example; the others are choices.
function yiErrorText(code: string): string {
  if (code === "moderation_blocked" || code === "content_filter") return "Content policy violation";
  return `Video generation failed: ${code}`;
}

// CHOICE: ids keep OpenAI's `video_` form and `size` reports the real output (704 px side).
function present(job: JobRecord, state: JobState, context: PresentContext): Record<string, unknown> {
  const answer: Record<string, unknown> = {
    id: job.id,
    model: job.model,
    status: state.status === "queued" ? "submitted" : state.status,
    progress: state.progress,
    created_at: Math.floor(job.createdMs / 1000),
    completed_at: state.completedAt,
    prompt: job.prompt,
    size: job.size,
    seconds: job.seconds,
  };
  // CHOICE: `url` appears only once completed and `error` only once failed, rather than as nulls.
  if (state.status === "completed") answer.url = `${context.publicRoot}/cdn/${job.id}.mp4`;
  if (state.failure !== null) answer.error = yiErrorText(state.failure.code);
  return answer;
}

export const yiReverseProfile: SimulatorProfile = {
  name: "yi-reverse",
  fullApi: false,
  servesCdn: true,
  maxPromptLength: MAX_PROMPT,
  validateCreate: validateYiCreate,
  present,
};
