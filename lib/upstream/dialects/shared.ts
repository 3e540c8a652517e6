import type { CreateJobInput } from "../adapter";
import { text, toDate, type ProviderJob } from "../provider-job";

// What the dialects share: the multipart create every `/v1/videos` dialect accepts, and the job
// fields they all name the same way.

const EXT: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/**
 * `model`, `prompt`, `size` and `seconds` (a string: OpenAI and API易 refuse a number), always
 * explicit — an omitted size or duration lets some upstreams pick (and bill) another — and the
 * first frame as `input_reference`; the last frame as `last_frame` where the dialect takes one.
 */
export function createForm(input: CreateJobInput, opts: { lastFrame: boolean }): FormData {
  const form = new FormData();
  form.set("model", input.model);
  form.set("prompt", input.prompt);
  form.set("size", input.size);
  form.set("seconds", String(input.seconds));
  for (const ref of input.references) {
    if (ref.frame === "last" && !opts.lastFrame) continue;
    const field = ref.frame === "first" ? "input_reference" : "last_frame";
    const blob = new Blob([new Uint8Array(ref.bytes)], { type: ref.mimeType });
    form.set(field, blob, `${ref.frame === "first" ? "reference" : "last"}.${EXT[ref.mimeType] ?? "png"}`);
  }
  return form;
}

/** The fields every dialect names like OpenAI's `Video` (absent ones are null). */
export function commonJobFields(
  v: Record<string, unknown>,
): Pick<
  ProviderJob,
  "model" | "size" | "seconds" | "prompt" | "remixedFrom" | "createdAt" | "completedAt" | "expiresAt"
> {
  return {
    model: text(v.model),
    size: text(v.size),
    seconds: text(v.seconds),
    prompt: text(v.prompt),
    remixedFrom: text(v.remixed_from_video_id),
    // API易's reverse Veo answers `created`.
    createdAt: toDate(v.created_at ?? v.created),
    completedAt: toDate(v.completed_at),
    expiresAt: toDate(v.expires_at),
  };
}
