import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { CONNECTION_ROW_SELECT, providerForConnection } from "@/lib/upstream/connections";
import type { ProviderJob } from "@/lib/upstream/provider-job";
import { classifyProviderError } from "@/lib/upstream/provider-errors";
import { applyProviderVideo } from "./apply-provider-video";
import { failSubmission } from "./send-create";
import { addTaskEvent } from "./task-events";

// A create whose answer never arrived (timeout, dropped connection, 5xx) may still have started
// a job upstream. Resubmitting could start and bill a second one, so instead we look for it in
// the provider's recent jobs and adopt it. Only after a grace window with no match does the
// task fail — with nothing charged.

const CLOCK_SKEW_S = 120;
const MAX_SCANNED = 250;
const GRACE_MS = 3 * 60_000;

function matches(
  video: ProviderJob,
  task: { model: string; size: string; seconds: number; prompt: string; submittedAt: Date },
  remixFrom: string | null,
): boolean {
  if (video.model !== null && video.model !== task.model) return false;
  if (video.size !== null && video.size !== task.size) return false;
  if (video.seconds !== null && video.seconds !== String(task.seconds)) return false;
  if (video.prompt !== null && video.prompt !== task.prompt) return false;
  if (remixFrom && video.remixedFrom !== remixFrom) return false;
  return createdSince(video, task.submittedAt);
}

/** Created no earlier than the submit, give or take clock skew; a job with no date cannot be matched. */
function createdSince(video: ProviderJob, submittedAt: Date): boolean {
  return video.createdAt !== null && video.createdAt.getTime() >= submittedAt.getTime() - CLOCK_SKEW_S * 1000;
}

export async function reconcileSubmission(taskId: string, now: Date): Promise<void> {
  const task = await db.videoTask.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      teamId: true,
      model: true,
      size: true,
      seconds: true,
      prompt: true,
      submittedAt: true,
      createdAt: true,
      remixOfTaskId: true,
      connection: { select: CONNECTION_ROW_SELECT },
    },
  });
  const submittedAt = task.submittedAt ?? task.createdAt;
  const remixFrom = task.remixOfTaskId
    ? ((await db.videoTask.findUnique({ where: { id: task.remixOfTaskId }, select: { providerJobId: true } }))
        ?.providerJobId ?? null)
    : null;
  let found: ProviderJob | null = null;
  try {
    const { adapter, connection } = providerForConnection(task.connection);
    const taken = new Set(
      (
        await db.videoTask.findMany({
          where: {
            teamId: task.teamId,
            providerJobId: { not: null },
            createdAt: { gte: new Date(submittedAt.getTime() - 3600_000) },
          },
          select: { providerJobId: true },
        })
      ).map((t) => t.providerJobId),
    );
    let scanned = 0;
    const recent = adapter.listRecent?.(connection, { timeoutMs: 20_000 }) ?? [];
    for await (const video of recent) {
      if (!createdSince(video, submittedAt)) break;
      if (!taken.has(video.id) && matches(video, { ...task, submittedAt }, remixFrom)) {
        found = video;
        break;
      }
      if (++scanned >= MAX_SCANNED) break;
    }
  } catch (error) {
    const failure = classifyProviderError(error);
    await addTaskEvent(db, taskId, {
      type: "reconcile_error",
      message: `${failure.code}: ${failure.message}`.slice(0, 500),
      at: now,
    });
  }
  if (found) {
    const video = found;
    await db.$transaction(async (tx) => {
      await addTaskEvent(tx, taskId, { type: "reconciled", message: video.id, at: now });
      await applyProviderVideo(tx, taskId, video, now, { linkJob: true });
      await tx.videoTask.update({ where: { id: taskId }, data: { pollLeaseUntil: null } });
    });
    return;
  }
  if (now.getTime() - submittedAt.getTime() > GRACE_MS * env.pollScale) {
    await failSubmission(
      taskId,
      "submit_lost",
      "The provider has no record of this job; it was not started and nothing was charged.",
    );
    await db.videoTask.update({ where: { id: taskId }, data: { pollLeaseUntil: null } });
    return;
  }
  await db.videoTask.update({
    where: { id: taskId },
    data: { pollLeaseUntil: null, nextPollAt: new Date(now.getTime() + 5_000 * env.pollScale) },
  });
}
