import { RELAY_MODELS, type RelayModel } from "@/lib/upstream-schemas/relay-video";
import { apiErrors } from "../errors";
import type { ResultShape } from "../faults";
import type { JobRecord } from "../job";
import type { JobState } from "../job-clock";
import { PROFILE_RETENTION_SECONDS } from "../profile-names";
import type { ParsedBody } from "../read-body";
import { inspectReference, readReferenceField } from "../reference-image";
import { signedLinkFor } from "../routes/video-content";
import { validatePrompt } from "../validate-prompt";
import { looseSeconds, newApiErrorBody } from "./new-api";
import type { NewJobRequest, PresentContext, SimulatorProfile } from "./profile";

// Relaxed `/v1/videos` relays (LaoZhang Muse, API易 Oxygen, new-api based relays), per
// ../shared/upstream/relay-dialects.md: `id` and `task_id`, pending → processing/running →
// succeeded, progress as a string ("45%"), failures as a plain string, the result as a link in the
// body, fetched without a key. No list, no delete, no variants.

const MAX_PROMPT = 4000;

interface ModelRule {
  /** Allowed lengths; the first is used when `seconds` is omitted. */
  seconds: { min: number; max: number } | readonly number[];
  defaultSeconds: number;
  sizes: readonly string[];
  /** Where a completed job's link appears unless a `result:` rule says otherwise. */
  result: ResultShape;
  /** The running status word of this upstream. */
  running: "processing" | "running";
  remix: boolean;
}

const MUSE_SIZES = ["720x1280", "1280x720"] as const;
// Oxygen's 480p and 768p sizes as the registry lists them (lib/models/catalog/relay.ts: the 768p
// pixels are API易's, the 480p ones a guess), plus 720x1280, the documented size when omitted.
export const OXYGEN_SIZES = ["720x1280", "768x1376", "1376x768", "768x768", "480x854", "854x480", "480x480"] as const;

function museFixed(seconds: number): ModelRule {
  return {
    seconds: [seconds],
    defaultSeconds: seconds,
    sizes: MUSE_SIZES,
    result: "video_url",
    running: "processing",
    remix: true,
  };
}

export const RELAY_MODEL_RULES: Record<RelayModel, ModelRule> = {
  // CHOICE: an omitted duration gives the longest (10 s), as some upstreams pick and bill a longer one.
  "muse-video": { ...museFixed(10), seconds: [5, 8, 10] },
  "muse-video-20s": museFixed(20),
  "muse-video-30s": museFixed(30),
  "muse-video-40s": museFixed(40),
  "muse-video-50s": museFixed(50),
  "muse-video-60s": museFixed(60),
  // CHOICE: an omitted duration gives 15 s (the longest); the studio always sends one.
  "oxygen-1.0": {
    seconds: { min: 4, max: 15 },
    defaultSeconds: 15,
    sizes: OXYGEN_SIZES,
    result: "metadata_url",
    running: "running",
    remix: false,
  },
};

function allowedSecondsText(rule: ModelRule): string {
  return Array.isArray(rule.seconds)
    ? rule.seconds.join(", ")
    : `an integer from ${(rule.seconds as { min: number }).min} to ${(rule.seconds as { max: number }).max}`;
}

function secondsAllowed(rule: ModelRule, seconds: number): boolean {
  if (Array.isArray(rule.seconds)) return (rule.seconds as readonly number[]).includes(seconds);
  const range = rule.seconds as { min: number; max: number };
  return seconds >= range.min && seconds <= range.max;
}

async function validateRelayCreate(body: ParsedBody): Promise<NewJobRequest> {
  // CHOICE: unknown top-level fields are silently dropped (Oxygen's documented behaviour; the
  // other relays forward what they know).
  const { fields } = body;
  const prompt = validatePrompt(fields.prompt, MAX_PROMPT);
  const model = fields.model;
  if (model === undefined) throw apiErrors.missingParameter("model");
  if (typeof model !== "string" || !(RELAY_MODELS as readonly string[]).includes(model))
    throw apiErrors.badRequest(
      `Model '${String(model)}' is not available on this relay. Available: ${RELAY_MODELS.join(", ")}.`,
      "model",
      "model_not_found",
    );
  const rule = RELAY_MODEL_RULES[model as RelayModel];

  const requested = looseSeconds(fields.seconds);
  if (requested === "invalid")
    throw apiErrors.badRequest(`Invalid seconds '${String(fields.seconds)}': must be an integer.`, "seconds");
  const seconds = requested ?? rule.defaultSeconds;
  if (!secondsAllowed(rule, seconds))
    throw apiErrors.badRequest(
      `Model '${model}' supports seconds ${allowedSecondsText(rule)}; got ${seconds}.`,
      "seconds",
      "invalid_value",
    );

  const size = fields.size ?? "720x1280";
  if (typeof size !== "string" || !rule.sizes.includes(size))
    throw apiErrors.badRequest(
      `Model '${model}' supports sizes ${rule.sizes.join(", ")}; got '${String(size)}'.`,
      "size",
      "invalid_value",
    );
  const [width = 0, height = 0] = size.split("x").map(Number);

  // CHOICE: a reference of any size is accepted and cropped to the output (file or data URL).
  const reference = await readReferenceField(fields.input_reference, body.encoding);
  if (reference !== null) await inspectReference(reference);
  return { model, size, seconds: String(seconds), width, height, durationSeconds: seconds, prompt, reference };
}

function ruleOf(job: JobRecord): ModelRule {
  return RELAY_MODEL_RULES[job.model as RelayModel] ?? RELAY_MODEL_RULES["muse-video"];
}

function statusWord(job: JobRecord, state: JobState): string {
  const style = job.plan.presentation?.statuses ?? null;
  if (style === "upper") {
    return { queued: "QUEUED", in_progress: "IN_PROGRESS", completed: "SUCCESS", failed: "FAILURE" }[state.status];
  }
  if (style === "unknown" && (state.status === "queued" || state.status === "in_progress")) return "unknown";
  return { queued: "pending", in_progress: ruleOf(job).running, completed: "succeeded", failed: "failed" }[
    state.status
  ];
}

// CHOICE: failure strings as relays pass them on: the documented "Content policy violation" for
// moderation, API易's "服务内部异常" for an internal error, the code itself otherwise.
function relayErrorText(code: string): string {
  if (code === "moderation_blocked" || code === "content_filter") return "Content policy violation";
  if (code === "internal_error") return "服务内部异常";
  return code.toUpperCase();
}

function present(job: JobRecord, state: JobState, context: PresentContext): Record<string, unknown> {
  const answer: Record<string, unknown> = {
    id: job.id,
    task_id: job.id,
    object: "video",
    model: job.model,
    status: statusWord(job, state),
    progress: `${state.progress}%`,
    created_at: Math.floor(job.createdMs / 1000),
    completed_at: state.completedAt,
    size: job.size,
    seconds: job.seconds,
    prompt: job.prompt,
  };
  if (job.remixedFromVideoId !== null) answer.remixed_from_video_id = job.remixedFromVideoId;
  if (state.status === "completed") {
    const link = signedLinkFor(context.publicRoot, job);
    const shape = job.plan.presentation?.result ?? ruleOf(job).result;
    if (shape === "video_url") answer.video_url = link;
    else if (shape === "metadata_url") answer.metadata = { url: link };
    else if (shape === "urls") answer.urls = [link];
  }
  if (state.failure !== null) answer.error = relayErrorText(state.failure.code);
  return answer;
}

export const relayProfile: SimulatorProfile = {
  name: "relay",
  // CHOICE: relay ids look like new-api task ids (`task_…`); `id` and `task_id` are the same.
  idPrefix: "task_",
  // CHOICE: remix exists (new-api forwards it) and works for the Muse models only.
  routes: { list: false, delete: false, remix: true },
  servesSignedLinks: true,
  variants: false,
  auth: "bearer-or-bare",
  defaultExpirySeconds: PROFILE_RETENTION_SECONDS.relay,
  contentDelaySeconds: 4,
  limits: null,
  maxPromptLength: MAX_PROMPT,
  validateCreate: validateRelayCreate,
  present,
  checkRemix: (job) => {
    if (!ruleOf(job).remix) throw apiErrors.notSupported(`Remix of '${job.model}'`);
  },
  errorBody: newApiErrorBody,
};
