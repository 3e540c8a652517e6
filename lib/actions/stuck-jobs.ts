"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { teamAction } from "@/lib/forms/define-action";
import { giveUpJob } from "@/lib/videos/give-up-job";
import { checkNow, type CheckOutcome, type TaskWatch } from "@/lib/videos/stuck-jobs";

// "Check now" (anyone who may read the video) and "Give up" (admins) for stuck jobs
// (lib/videos/stuck-jobs.ts, give-up-job.ts). The engine decides; these translate its answer.

const ids = z.object({ teamId: z.string().min(1).max(64), taskId: z.string().min(1).max(64) });

export type CheckNowAnswer = { outcome: CheckOutcome; watch: TaskWatch };

export const checkNowAction = teamAction({
  schema: ids,
  permission: "videos.read",
  unexpected: "stuck.checkNow.failed",
  run: async ({ input, user, t }) => {
    const answer = await checkNow({ teamId: input.teamId, userId: user.id }, input.taskId);
    if (!answer) return { ok: false, formError: t("teamErrors.notFound") };
    const data: CheckNowAnswer = answer;
    return { ok: answer.outcome !== "busy", data, message: t(`stuck.checkNow.${answer.outcome}`) };
  },
});

export const giveUpJobAction = teamAction({
  schema: ids,
  permission: "videos.stuck.manage",
  unexpected: "stuck.giveUp.failed",
  run: async ({ input, user, t }) => {
    const outcome = await giveUpJob({ teamId: input.teamId, userId: user.id }, input.taskId);
    if (!outcome) return { ok: false, formError: t("teamErrors.notFound") };
    revalidatePath(`/t/${input.teamId}/team/stuck`);
    if (outcome === "given_up") return { ok: true, message: t("stuck.giveUp.done") };
    const key = outcome === "not_at_provider" ? "notAtProvider" : outcome;
    return { ok: false, formError: t(`stuck.giveUp.${key}`) };
  },
});
