"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { teamAction } from "@/lib/forms/define-action";
import { BudgetExceededError, VideoRequestError } from "@/lib/videos/create-video-job";
import { retryVideo, RetryUnavailableError } from "@/lib/videos/retry";
import { budgetMessage, idempotencyKey, type GenerateT } from "./video-submission";

// "Retry" on a failed video: the engine (lib/videos/retry.ts) submits the same settings again
// through the one submit path; this translates its answer and opens the new video.

export const retryVideoAction = teamAction({
  schema: z.object({ teamId: z.string().min(1).max(64), taskId: z.string().min(1).max(64), idempotencyKey }),
  permission: "videos.create",
  unexpected: "retry.failed",
  run: async ({ input, user, team }) => {
    const t = await getTranslations("retry");
    let newTaskId: string;
    try {
      const result = await retryVideo(
        { teamId: team.id, userId: user.id },
        { taskId: input.taskId, idempotencyKey: input.idempotencyKey },
      );
      if (!result) return { ok: false, formError: t("notFound") };
      newTaskId = result.task.id;
    } catch (error) {
      if (error instanceof RetryUnavailableError) return { ok: false, formError: t(`unavailable.${error.reason}`) };
      if (error instanceof BudgetExceededError) {
        const tg: GenerateT = await getTranslations("generate");
        return { ok: false, formError: budgetMessage(tg, error) };
      }
      if (error instanceof VideoRequestError) return { ok: false, formError: t("settingsGone") };
      throw error;
    }
    redirect(`/t/${team.id}/gallery/${newTaskId}`);
  },
});
