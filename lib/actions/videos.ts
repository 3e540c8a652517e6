"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireTeam } from "@/lib/teams/team-access";
import type { ActionState } from "@/lib/forms/action-state";
import { BudgetExceededError, createVideoJob, VideoRequestError } from "@/lib/videos/create-video-job";
import { deleteVideo } from "@/lib/videos/delete-video";
import { remixVideo, RemixUnavailableError } from "@/lib/videos/remix-video";
import { FitImageError, fitReferenceImage, toDataUrl, type FitMode } from "@/lib/videos/fit-reference-image";
import type { VideoDto } from "@/lib/videos/video-dto";
import { CHANNELS } from "@/lib/videos/model-registry";
import { findChannelSize } from "@/lib/videos/form-rules";
import { providerErrorKey } from "@/lib/upstream/provider-error-key";
import { budgetMessage, readReference, teamChannel, validateSubmission, type GenerateT } from "./video-submission";

// Thin server actions: parse, check the caller's team, call the engine, translate the answer.
// The engine (lib/videos/*) owns the rules that matter: budget, idempotency, the provider call.

export type SubmitVideoState = ActionState & { taskId?: string; video?: VideoDto };

const ids = { teamId: z.string().min(1).max(64), taskId: z.string().min(1).max(64) };
const idempotencyKey = z.string().regex(/^[\w-]{8,100}$/);

export async function submitVideoAction(_prev: SubmitVideoState, formData: FormData): Promise<SubmitVideoState> {
  const t: GenerateT = await getTranslations("generate");
  const shape = z.object({ teamId: ids.teamId, idempotencyKey }).safeParse(Object.fromEntries(formData));
  if (!shape.success) return { formError: t("errors.unexpected") };
  const { user, team, role } = await requireTeam(shape.data.teamId);
  const channel = await teamChannel(team.id);

  const checked = validateSubmission(channel, formData, t);
  if (!checked.ok) return checked.state;
  const reference = await readReference(channel, checked.values, formData.get("reference"), t);
  if (!reference.ok) return { fieldErrors: { reference: reference.error }, formError: t("errors.fixFields") };

  try {
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: user.id,
      role,
      idempotencyKey: shape.data.idempotencyKey,
      ...checked.values,
      ...(reference.image ? { referenceImage: reference.image } : {}),
    });
    if (task.status === "failed") {
      // The provider refused it: the task exists (and says why); nothing was charged.
      return { ok: false, taskId: task.id, video: task, formError: await providerErrorMessage(task) };
    }
    return { ok: true, taskId: task.id, video: task };
  } catch (error) {
    if (error instanceof BudgetExceededError) return { formError: budgetMessage(t, error) };
    if (error instanceof VideoRequestError) {
      const field = error.field === "reference" ? "reference" : error.field;
      const key = `errors.${error.messageKey}`;
      const message = t.has(key as "errors.invalid") ? t(key as "errors.invalid", error.params) : t("errors.invalid");
      return { fieldErrors: { [field]: message }, formError: t("errors.fixFields") };
    }
    console.error("submitVideoAction failed", error);
    return { formError: t("errors.unexpected") };
  }
}

async function providerErrorMessage(video: VideoDto): Promise<string> {
  const t = await getTranslations("providerErrors");
  const key = providerErrorKey(video.errorCode, video.errorMessage);
  const raw = video.errorMessage ?? video.errorCode ?? "?";
  const text = key === "invalidRequest" ? t("invalidRequest", { message: raw }) : key ? t(key) : t("raw", { message: raw });
  return `${text} ${t("notCharged")}`;
}

export type FitReferenceResult = { ok: true; dataUrl: string; width: number; height: number; mimeType: string } | { ok: false; error: string };

/** "Fit to size": crops or pads the person's image to the video's pixels with sharp, on the server. */
export async function fitReferenceImageAction(formData: FormData): Promise<FitReferenceResult> {
  const t = await getTranslations("generate.reference");
  const parsed = z
    .object({ teamId: ids.teamId, size: z.string().max(32), mode: z.enum(["crop", "pad"]) })
    .safeParse({ teamId: formData.get("teamId"), size: formData.get("size"), mode: formData.get("mode") });
  const image = formData.get("image");
  if (!parsed.success || !(image instanceof File)) return { ok: false, error: t("fitFailed") };
  const { team } = await requireTeam(parsed.data.teamId);
  const channel = await teamChannel(team.id);
  const size = findChannelSize(channel, parsed.data.size);
  if (!size) return { ok: false, error: t("fitFailed") };
  // The registry's reference limit (10 MB), as in the browser; bodies up to 12 MB reach this
  // action intact (docs/decisions/030-upload-limits.md).
  const maxBytes = Math.max(...CHANNELS[channel].models.map((m) => m.reference.maxBytes));
  if (image.size > maxBytes) return { ok: false, error: t("tooLarge", { mb: Math.round(maxBytes / 1048576) }) };
  try {
    const fitted = await fitReferenceImage(Buffer.from(await image.arrayBuffer()), size, parsed.data.mode as FitMode);
    return { ok: true, dataUrl: toDataUrl(fitted), width: fitted.width, height: fitted.height, mimeType: fitted.mimeType };
  } catch (error) {
    if (error instanceof FitImageError) return { ok: false, error: t("unreadable") };
    console.error("fitReferenceImageAction failed", error);
    return { ok: false, error: t("fitFailed") };
  }
}

/** Deletes after the page's confirmation; the engine checks who may (own videos, or admin/owner). */
export async function deleteVideoAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations("videoDetail.delete");
  const parsed = z.object(ids).safeParse({ teamId: formData.get("teamId"), taskId: formData.get("taskId") });
  if (!parsed.success) return { formError: t("failed") };
  const { user, team, role } = await requireTeam(parsed.data.teamId);
  try {
    await deleteVideo({ teamId: team.id, userId: user.id, role }, parsed.data.taskId);
  } catch (error) {
    console.error("deleteVideoAction failed", error);
    return { formError: t("failed") };
  }
  redirect(`/t/${team.id}/gallery`);
}

export async function remixVideoAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const t: GenerateT = await getTranslations("generate");
  const parsed = z
    .object({ ...ids, idempotencyKey, prompt: z.string().max(32_000) })
    .safeParse({ teamId: formData.get("teamId"), taskId: formData.get("taskId"), idempotencyKey: formData.get("idempotencyKey"), prompt: formData.get("prompt") });
  if (!parsed.success) return { formError: t("errors.unexpected") };
  const prompt = parsed.data.prompt.trim();
  if (!prompt) return { fieldErrors: { prompt: t("errors.promptRequired") }, values: { prompt } };
  const { user, team, role } = await requireTeam(parsed.data.teamId);
  let newTaskId: string;
  try {
    const result = await remixVideo({ teamId: team.id, userId: user.id, role }, { taskId: parsed.data.taskId, prompt, idempotencyKey: parsed.data.idempotencyKey });
    if (!result) return { formError: t("errors.unexpected"), values: { prompt } };
    newTaskId = result.task.id;
  } catch (error) {
    if (error instanceof RemixUnavailableError) return { formError: (await getTranslations("videoDetail.remix"))("unavailable"), values: { prompt } };
    if (error instanceof BudgetExceededError) return { formError: budgetMessage(t, error), values: { prompt } };
    if (error instanceof VideoRequestError) return { fieldErrors: { prompt: t("errors.invalid") }, values: { prompt } };
    console.error("remixVideoAction failed", error);
    return { formError: t("errors.unexpected"), values: { prompt } };
  }
  redirect(`/t/${team.id}/gallery/${newTaskId}`);
}
