import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionResult } from "@/lib/forms/action-result";
import { formatUsd } from "@/lib/money/format";
import { imageDecodes, readImageInfo } from "@/lib/videos/read-image-info";
import type { BudgetExceededError } from "@/lib/teams/budget";
import type { ReferenceImage } from "@/lib/videos/validate-video-request";
import {
  checkReferenceImage,
  checkVideoForm,
  offeredModel,
  type ConnectionOffer,
  type FieldProblem,
  type VideoFormValues,
} from "@/lib/videos/form-rules";
import { providerErrorKey } from "@/lib/upstream/provider-error-key";
import type { VideoDto } from "@/lib/videos/video-dto";

// The parts of the video actions that are not "call the engine": the submit form's schema,
// checking it against the registry (every field, translated), and re-checking the reference
// image's real bytes, down to every pixel. A mismatched or unreadable image never reaches the
// provider. Imports nothing from ./videos.ts (no cycle).

export type GenerateT = Awaited<ReturnType<typeof getTranslations<"generate">>>;

/** What a submit hands the page: the new task, also when the provider refused it at once. */
export type SubmittedVideo = { taskId: string; video: VideoDto };

export const idempotencyKey = z.string().regex(/^[\w-]{8,100}$/);

// Registry rules need the team's channel, so the schema only shapes the fields; run() checks them.
export const submitVideoSchema = z.object({
  teamId: z.string().min(1).max(64),
  idempotencyKey,
  connectionId: z.string().max(64).catch(""),
  model: z.string().max(100).catch(""),
  size: z.string().max(32).catch(""),
  seconds: z.coerce.number().int().catch(0),
  prompt: z.string().max(200_000).catch(""),
  reference: z.file().optional().catch(undefined),
  /** The last frame, for models that take a first and a last image. */
  lastFrame: z.file().optional().catch(undefined),
});

function translate(t: GenerateT, problem: FieldProblem): string {
  const key = `errors.${problem.key}` as "errors.invalid";
  return t.has(key) ? t(key, problem.params) : t("errors.invalid");
}

export function validateSubmission(
  offers: readonly ConnectionOffer[],
  input: VideoFormValues,
  t: GenerateT,
): { ok: true; values: VideoFormValues } | { ok: false; result: ActionResult<never> } {
  const values = {
    connectionId: input.connectionId,
    model: input.model,
    size: input.size,
    seconds: input.seconds,
    prompt: input.prompt,
  };
  const problems = checkVideoForm(offers, values);
  const entries = Object.entries(problems).map(([field, problem]) => [field, translate(t, problem)] as const);
  if (entries.length === 0) return { ok: true, values: { ...values, prompt: values.prompt.trim() } };
  return {
    ok: false,
    result: { ok: false, fieldErrors: Object.fromEntries(entries), formError: t("errors.fixFields") },
  };
}

export async function readReference(
  offers: readonly ConnectionOffer[],
  values: VideoFormValues,
  file: FormDataEntryValue | null | undefined,
  t: GenerateT,
): Promise<{ ok: true; image: ReferenceImage | null } | { ok: false; error: string }> {
  if (!(file instanceof File) || file.size === 0) return { ok: true, image: null };
  const { model } = offeredModel(offers, values.connectionId, values.model)!;
  const size = values.size;
  if (model.reference.kind === "none")
    return { ok: false, error: translate(t, { key: "referenceNotAccepted", params: { model: model.id } }) };
  if (file.size > model.reference.maxBytes)
    return {
      ok: false,
      error: translate(t, {
        key: "referenceTooLarge",
        params: { maxMb: Math.round(model.reference.maxBytes / 1048576) },
      }),
    };
  const bytes = Buffer.from(await file.arrayBuffer());
  const info = await readImageInfo(bytes);
  if (!info) return { ok: false, error: translate(t, { key: "referenceUnreadable" }) };
  const problem = checkReferenceImage(model, size, {
    mimeType: info.mimeType,
    bytes: bytes.byteLength,
    width: info.width,
    height: info.height,
  });
  if (problem) return { ok: false, error: translate(t, problem) };
  // Last, as it is the costly check: every pixel must decode (a perfect header can hide a
  // truncated JPEG or a PNG with no pixel data, which the provider would fail much later).
  if (!(await imageDecodes(bytes))) return { ok: false, error: translate(t, { key: "referenceUnreadable" }) };
  return { ok: true, image: { bytes, mimeType: info.mimeType, width: info.width, height: info.height } };
}

export function budgetMessage(t: GenerateT, error: BudgetExceededError): string {
  const params = { remaining: formatUsd(error.remainingCents), cost: formatUsd(error.costCents) };
  return error.scope === "member" ? t("errors.overBudgetMember", params) : t("errors.overBudgetTeam", params);
}

/** Why the provider refused a new task at once, in the person's words; nothing was charged. */
export async function providerErrorMessage(video: VideoDto): Promise<string> {
  const t = await getTranslations("providerErrors");
  const key = providerErrorKey(video.errorCode, video.errorMessage);
  const raw = video.errorMessage ?? video.errorCode ?? "?";
  const text =
    key === "invalidRequest" ? t("invalidRequest", { message: raw }) : key ? t(key) : t("raw", { message: raw });
  return `${text} ${t("notCharged")}`;
}
