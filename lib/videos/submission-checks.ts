import "server-only";
import type { getTranslations } from "next-intl/server";
import { imageDecodes, readImageInfo } from "./read-image-info";
import type { ReferenceImage } from "./validate-video-request";
import {
  checkReferenceImage,
  checkVideoForm,
  offeredModel,
  type ConnectionOffer,
  type FieldProblem,
  type VideoFormValues,
} from "./form-rules";

// The checks of a submission before the engine (createVideoJob) sees it, shared by the Generate
// action (lib/actions/videos.ts) and the studio's API (/api/v1): every field against the registry,
// translated, and the reference image's real bytes, down to every pixel. A mismatched or
// unreadable image never reaches the provider.

export type GenerateT = Awaited<ReturnType<typeof getTranslations<"generate">>>;

/** Every failing field's message, and the form's: the shape of a refused action's answer. */
export type SubmissionRefusal = { ok: false; fieldErrors: Record<string, string>; formError: string };

function translate(t: GenerateT, problem: FieldProblem): string {
  const key = `errors.${problem.key}` as "errors.invalid";
  return t.has(key) ? t(key, problem.params) : t("errors.invalid");
}

export function validateSubmission(
  offers: readonly ConnectionOffer[],
  input: VideoFormValues,
  t: GenerateT,
): { ok: true; values: VideoFormValues } | { ok: false; result: SubmissionRefusal } {
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
