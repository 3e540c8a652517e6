"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { teamAction } from "@/lib/forms/define-action";
import { BudgetExceededError, createVideoJob, VideoRequestError } from "@/lib/videos/create-video-job";
import { deleteVideo } from "@/lib/videos/delete-video";
import { remixVideo, RemixUnavailableError } from "@/lib/videos/remix-video";
import { createVariations } from "@/lib/videos/variations";
import { FitImageError, fitReferenceImage, toDataUrl } from "@/lib/videos/fit-reference-image";
import { findOfferedSize, largestReferenceBytes } from "@/lib/videos/form-rules";
import { db } from "@/lib/db";
import { teamOffers } from "@/lib/videos/offers";
import {
  budgetMessage,
  idempotencyKey,
  providerErrorMessage,
  readReference,
  setBudgetMessage,
  submitVideoSchema,
  validateSubmission,
  type GenerateT,
  type SubmittedVideo,
} from "./video-submission";

// Thin server actions: the wrapper checks the caller's team and permission; these call the
// engine and translate its answer. The engine (lib/videos/*) owns the rules that matter: budget,
// idempotency, the provider call, who may delete what.

const ids = { teamId: z.string().min(1).max(64), taskId: z.string().min(1).max(64) };

export const submitVideoAction = teamAction({
  schema: submitVideoSchema,
  permission: "videos.create",
  invalid: "generate.errors.unexpected",
  unexpected: "generate.errors.unexpected",
  run: async ({ input, user, team }) => {
    const t: GenerateT = await getTranslations("generate");
    const offers = await teamOffers(db, team.id);
    const checked = validateSubmission(offers, input, t);
    if (!checked.ok) return checked.result;
    const reference = await readReference(offers, checked.values, input.reference, t);
    if (!reference.ok)
      return { ok: false, fieldErrors: { reference: reference.error }, formError: t("errors.fixFields") };
    const lastFrame = await readReference(offers, checked.values, input.lastFrame, t);
    if (!lastFrame.ok)
      return { ok: false, fieldErrors: { lastFrame: lastFrame.error }, formError: t("errors.fixFields") };
    try {
      const job = {
        teamId: team.id,
        userId: user.id,
        idempotencyKey: input.idempotencyKey,
        ...checked.values,
        ...(reference.image ? { referenceImage: reference.image } : {}),
        ...(lastFrame.image ? { lastFrameImage: lastFrame.image } : {}),
        ...(input.sourceTaskId ? { source: { taskId: input.sourceTaskId, kind: "settings" as const } } : {}),
      };
      // One video, or a set of variations through the same submit path (all or none).
      const tasks =
        input.variations > 1
          ? (await createVariations(job, input.variations)).tasks
          : [(await createVideoJob(job)).task];
      const task = tasks[0]!;
      const data: SubmittedVideo = { taskId: task.id, video: task, videos: tasks };
      // The provider refused it: the task exists (and says why); nothing was charged.
      if (tasks.every((v) => v.status === "failed"))
        return { ok: false, data, formError: await providerErrorMessage(task) };
      return { ok: true, data };
    } catch (error) {
      if (error instanceof BudgetExceededError)
        return {
          ok: false,
          formError: input.variations > 1 ? await setBudgetMessage(error, input.variations) : budgetMessage(t, error),
        };
      if (!(error instanceof VideoRequestError)) throw error;
      const key = `errors.${error.messageKey}` as "errors.invalid";
      const message = t.has(key) ? t(key, error.params) : t("errors.invalid");
      return { ok: false, fieldErrors: { [error.field]: message }, formError: t("errors.fixFields") };
    }
  },
});

/** "Fit to size": crops or pads the person's image to the video's pixels with sharp, on the server. */
export const fitReferenceImageAction = teamAction({
  schema: z.object({ teamId: ids.teamId, size: z.string().max(32), mode: z.enum(["crop", "pad"]), image: z.file() }),
  permission: "videos.create",
  invalid: "generate.reference.fitFailed",
  unexpected: "generate.reference.fitFailed",
  run: async ({ input, team, t }) => {
    const offers = await teamOffers(db, team.id);
    const size = findOfferedSize(offers, input.size);
    if (!size) return { ok: false, formError: t("generate.reference.fitFailed") };
    // The registry's reference limit (10 MB), as in the browser; bodies up to 12 MB reach this
    // action intact (docs/decisions/030-upload-limits.md).
    const maxBytes = largestReferenceBytes(offers);
    if (input.image.size > maxBytes)
      return { ok: false, formError: t("generate.reference.tooLarge", { mb: Math.round(maxBytes / 1048576) }) };
    try {
      const fitted = await fitReferenceImage(Buffer.from(await input.image.arrayBuffer()), size, input.mode);
      return {
        ok: true,
        data: { dataUrl: toDataUrl(fitted), width: fitted.width, height: fitted.height, mimeType: fitted.mimeType },
      };
    } catch (error) {
      if (error instanceof FitImageError) return { ok: false, formError: t("generate.reference.unreadable") };
      throw error;
    }
  },
});

/**
 * Deletes after the page's confirmation. Any member may delete their own videos; whether this one
 * is theirs (or the caller may delete anyone's) is the engine's fine check (lib/videos/delete-video.ts),
 * whose VideoDeleteForbiddenError is a TeamAccessError("forbidden"): the wrapper's forbidden answer.
 */
export const deleteVideoAction = teamAction({
  schema: z.object(ids),
  permission: "videos.delete.own",
  unexpected: "videoDetail.delete.failed",
  run: async ({ input, user, team }) => {
    await deleteVideo({ teamId: team.id, userId: user.id }, input.taskId);
    redirect(`/t/${team.id}/gallery`);
  },
});

export const remixVideoAction = teamAction({
  schema: z.object({
    ...ids,
    idempotencyKey,
    prompt: z.string().trim().min(1, "generate.errors.promptRequired").max(32_000),
  }),
  permission: "videos.create",
  keep: ["prompt"],
  unexpected: "generate.errors.unexpected",
  run: async ({ input, user, team, t }) => {
    const tg: GenerateT = await getTranslations("generate");
    let newTaskId: string;
    try {
      const result = await remixVideo(
        { teamId: team.id, userId: user.id },
        { taskId: input.taskId, prompt: input.prompt, idempotencyKey: input.idempotencyKey },
      );
      if (!result) return { ok: false, formError: tg("errors.unexpected") };
      newTaskId = result.task.id;
    } catch (error) {
      if (error instanceof RemixUnavailableError) return { ok: false, formError: t("videoDetail.remix.unavailable") };
      if (error instanceof BudgetExceededError) return { ok: false, formError: budgetMessage(tg, error) };
      if (error instanceof VideoRequestError) return { ok: false, fieldErrors: { prompt: tg("errors.invalid") } };
      throw error;
    }
    redirect(`/t/${team.id}/gallery/${newTaskId}`);
  },
});
