import "server-only";
import { getTranslations } from "next-intl/server";
import type { GenerateT } from "@/lib/videos/submission-checks";
import { z } from "zod";
import { formatUsd } from "@/lib/money/format";
import type { BudgetExceededError } from "@/lib/teams/budget";
import { providerErrorKey } from "@/lib/upstream/provider-error-key";
import type { VideoDto } from "@/lib/videos/video-dto";

// The parts of the video actions that are not "call the engine": the submit form's schema,
// checking it against the registry (every field, translated), and re-checking the reference
// image's real bytes, down to every pixel. A mismatched or unreadable image never reaches the
// provider. Imports nothing from ./videos.ts (no cycle).

export { readReference, validateSubmission, type GenerateT } from "@/lib/videos/submission-checks";

/**
 * What a submit hands the page: the new task, also when the provider refused it at once, and
 * every task of the set when it was several variations (`videos[0]` is `video`).
 */
export type SubmittedVideo = { taskId: string; video: VideoDto; videos: VideoDto[] };

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
  /** "Generate N variations": 1 is one video, 2–4 a set (lib/videos/variations.ts). */
  variations: z.coerce.number().int().min(1).max(4).catch(1),
  /** "Use these settings again" came from this task (kept only when it is the team's). */
  sourceTaskId: z.string().max(64).optional().catch(undefined),
});

export function budgetMessage(t: GenerateT, error: BudgetExceededError): string {
  const params = { remaining: formatUsd(error.remainingCents), cost: formatUsd(error.costCents) };
  return error.scope === "member" ? t("errors.overBudgetMember", params) : t("errors.overBudgetTeam", params);
}

/** A set of variations that does not fit: what the whole set costs, what is left, nothing submitted. */
export async function setBudgetMessage(error: BudgetExceededError, count: number): Promise<string> {
  const t = await getTranslations("variations");
  const params = { count, total: formatUsd(error.costCents), remaining: formatUsd(error.remainingCents) };
  return t(`overBudget.${error.scope}`, params);
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
