import "server-only";
import { db } from "@/lib/db";
import { providerClientFor, ProviderNotConfiguredError } from "@/lib/upstream/provider-client";
import { classifyProviderError } from "@/lib/upstream/provider-errors";
import { applyProviderVideo } from "./apply-provider-video";
import { failSubmission } from "./create-video-job";
import { pollDelayMs } from "./poll-schedule";
import { reconcileSubmission } from "./reconcile-submission";
import { addTaskEvent } from "./task-events";
import { TERMINAL_STATUSES } from "./video-dto";

// Polls the provider for tasks that are due, at most once per interval per task however many
// tabs, people or server processes ask: a task is claimed with one conditional UPDATE (due, and
// no live lease), so only one caller wins; the winner moves nextPollAt into the future.

const LEASE_MS = 60_000;

export type SyncScope = { teamId?: string; taskIds?: string[]; now?: Date; limit?: number };

export async function syncDueTasks(scope: SyncScope = {}): Promise<{ polled: number }> {
  const now = scope.now ?? new Date();
  const due = await db.videoTask.findMany({
    where: {
      deletedAt: null,
      nextPollAt: { lte: now },
      // Everything not terminal is polled, including statuses we do not know yet.
      status: { notIn: TERMINAL_STATUSES },
      ...(scope.teamId ? { teamId: scope.teamId } : {}),
      ...(scope.taskIds ? { id: { in: scope.taskIds.slice(0, 100) } } : {}),
    },
    select: { id: true },
    orderBy: { nextPollAt: "asc" },
    take: scope.limit ?? 50,
  });
  let polled = 0;
  for (const { id } of due) {
    if (await claim(id, now)) {
      polled++;
      await pollOne(id, now).catch((error) => console.error(`[sync] task ${id}:`, error));
    }
  }
  return { polled };
}

async function claim(taskId: string, now: Date): Promise<boolean> {
  const claimed = await db.videoTask.updateMany({
    where: { id: taskId, nextPollAt: { lte: now }, OR: [{ pollLeaseUntil: null }, { pollLeaseUntil: { lt: now } }] },
    data: { pollLeaseUntil: new Date(now.getTime() + LEASE_MS), pollCount: { increment: 1 } },
  });
  return claimed.count === 1;
}

async function release(taskId: string, nextPollAt: Date | null): Promise<void> {
  await db.videoTask.update({ where: { id: taskId }, data: { pollLeaseUntil: null, nextPollAt } });
}

async function pollOne(taskId: string, now: Date): Promise<void> {
  const task = await db.videoTask.findUniqueOrThrow({
    where: { id: taskId },
    select: { status: true, providerJobId: true, createdAt: true, team: { select: { providerChannel: true, providerBaseUrl: true, providerKeyCiphertext: true } } },
  });
  if (task.status === "submit_unknown" || !task.providerJobId) {
    await reconcileSubmission(taskId, now);
    return;
  }
  try {
    const video = await providerClientFor(task.team, { timeoutMs: 20_000 }).videos.retrieve(task.providerJobId);
    await db.$transaction(async (tx) => {
      await applyProviderVideo(tx, taskId, video, now);
      await tx.videoTask.update({ where: { id: taskId }, data: { pollLeaseUntil: null } });
    });
  } catch (error) {
    if (error instanceof ProviderNotConfiguredError) {
      await release(taskId, new Date(now.getTime() + pollDelayMs(Number.POSITIVE_INFINITY)));
      return;
    }
    const failure = classifyProviderError(error);
    if (failure.httpStatus === 404) {
      // The provider no longer knows the job (deleted or expired upstream before it finished).
      await failSubmission(taskId, "not_found", failure.message);
      await release(taskId, null);
      return;
    }
    const age = now.getTime() - task.createdAt.getTime();
    await addTaskEvent(db, taskId, { type: "poll_error", message: `${failure.code}: ${failure.message}`.slice(0, 500), at: now });
    await release(taskId, new Date(now.getTime() + pollDelayMs(age, failure.retryAfterSeconds)));
  }
}
