import "server-only";
import { eachLimited } from "@/lib/async/each-limited";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { CONNECTION_ROW_SELECT, providerForConnection } from "@/lib/upstream/connections";
import { ProviderNotConfiguredError } from "@/lib/upstream/provider-client";
import { classifyProviderError } from "@/lib/upstream/provider-errors";
import { applyProviderVideo } from "./apply-provider-video";
import { failSubmission } from "./send-create";
import { sendWaitingTask } from "./send-waiting";
import { WAITING_STATUS } from "./submit-queue";
import { CREATE_SENT_EVENT } from "./task-events";
import { latePollDelayMs, pollDelayMs } from "./poll-schedule";
import { answerJson, answerOfFailure } from "./provider-answer";
import { reconcileSubmission } from "./reconcile-submission";
import { addTaskEvent } from "./task-events";
import { leaseUntil, whileHoldingLease } from "./task-lease";
import { applyLateAnswer, giveUp, isLateWatch, overTimeLimit } from "./time-limit";
import { isTerminalStatus } from "./video-dto";
import { notBefore } from "./clock";

// Polls the provider for tasks that are due, at most once per interval per task however many
// tabs, people or server processes ask: a task is claimed with one conditional UPDATE (due, and
// no live lease), so only one caller wins; the winner moves nextPollAt into the future. Every
// task the engine still owes something has a nextPollAt — running jobs, submits interrupted by a
// crash (their lease lapses), jobs given up on past their time limit (a slow watch) — and a task
// with nothing left to ask has none.

export type SyncScope = { teamId?: string; taskIds?: string[]; now?: Date; limit?: number };

/** Polls the due tasks in scope; how many were due (up to `limit`) and how many this call polled. */
export async function syncDueTasks(scope: SyncScope = {}): Promise<{ polled: number; due: number }> {
  const now = scope.now ?? new Date();
  const due = await db.videoTask.findMany({
    where: {
      deletedAt: null,
      nextPollAt: { lte: now },
      ...(scope.teamId ? { teamId: scope.teamId } : {}),
      ...(scope.taskIds ? { id: { in: scope.taskIds.slice(0, 100) } } : {}),
    },
    select: { id: true },
    orderBy: { nextPollAt: "asc" },
    take: scope.limit ?? 50,
  });
  // Several providers' answers are awaited at once (env.pollConcurrency per process); each task
  // is still claimed by one conditional UPDATE, so no task is polled twice.
  let polled = 0;
  await eachLimited(due, env.pollConcurrency, async ({ id }) => {
    const did = await pollTaskIfDue(id, now).catch((error) => {
      console.error(`[sync] task ${id}:`, error);
      return true;
    });
    if (did) polled++;
  });
  return { polled, due: due.length };
}

/**
 * Polls one task if it is due and nobody else holds its poll lease: the unit of work of both
 * engines (the sweep above, and a per-task job of lib/engine). Whether this call polled. An
 * unexpected failure (the database, a defect) is thrown to the caller: the sweep logs it, a job
 * engine retries it with backoff.
 */
export async function pollTaskIfDue(taskId: string, now: Date = new Date()): Promise<boolean> {
  const lease = await claim(taskId, now);
  if (!lease) return false;
  await whileHoldingLease(taskId, "pollLeaseUntil", lease, () => pollOne(taskId, now));
  return true;
}

/**
 * Polls one task now, due or not ("Check now", stuck-jobs.ts), through the same lease as the
 * engine: never while another poll of it runs, and not when it was polled less than `minGapMs`
 * ago. Only tasks of `teamId` that the provider has and the engine still asks about.
 * Whether this call polled.
 */
export async function pollTaskNow(teamId: string, taskId: string, now: Date, minGapMs: number): Promise<boolean> {
  const lease = await claim(taskId, now, {
    teamId,
    deletedAt: null,
    nextPollAt: { not: null },
    // A job the provider has: never a forced send of a waiting task or a submit's recovery.
    providerJobId: { not: null },
    OR: [{ lastPolledAt: null }, { lastPolledAt: { lte: new Date(now.getTime() - minGapMs) } }],
  });
  if (!lease) return false;
  await whileHoldingLease(taskId, "pollLeaseUntil", lease, () => pollOne(taskId, now));
  return true;
}

/**
 * The lease taken, or null when the task is not due (or not `when`) or another caller holds it.
 * The claim is the poll's moment: lastPolledAt is written with it.
 */
async function claim(taskId: string, now: Date, when: Prisma.VideoTaskWhereInput = {}): Promise<Date | null> {
  const lease = leaseUntil(now);
  const claimed = await db.videoTask.updateMany({
    where: {
      id: taskId,
      nextPollAt: { lte: now },
      ...when,
      AND: [{ OR: [{ pollLeaseUntil: null }, { pollLeaseUntil: { lt: now } }] }],
    },
    data: { pollLeaseUntil: lease, pollCount: { increment: 1 }, lastPolledAt: now },
  });
  return claimed.count === 1 ? lease : null;
}

async function release(taskId: string, nextPollAt: Date | null, lastProviderAnswer?: string): Promise<void> {
  await db.videoTask.update({
    where: { id: taskId },
    data: { pollLeaseUntil: null, nextPollAt, ...(lastProviderAnswer ? { lastProviderAnswer } : {}) },
  });
}

async function pollOne(taskId: string, now: Date): Promise<void> {
  const task = await db.videoTask.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      status: true,
      errorCode: true,
      providerJobId: true,
      channel: true,
      model: true,
      createdAt: true,
      submittedAt: true,
      connection: { select: CONNECTION_ROW_SELECT },
    },
  });
  if (!task.providerJobId) {
    if (task.status === WAITING_STATUS) await sendWaitingTask(taskId, now);
    else await recoverSubmission(taskId, task.status, now);
    return;
  }
  const late = isLateWatch(task);
  try {
    const { adapter, connection } = providerForConnection(task.connection);
    const video = await adapter.retrieve(connection, task.providerJobId, { timeoutMs: 20_000 });
    // The next poll counts from the answer, not from the claim: a claim may wait its turn (8 at
    // a time, a sweep's batch) and the provider must never see two polls closer than the interval.
    const answeredAt = notBefore(now);
    await db.$transaction(async (tx) => {
      if (late) return applyLateAnswer(tx, taskId, task, video, now);
      await applyProviderVideo(tx, taskId, video, now, { answeredAt, releasePollLease: true });
      if (!isTerminalStatus(video.status) && overTimeLimit(task, now)) await giveUp(tx, taskId, task, now);
    });
  } catch (error) {
    const answeredAt = notBefore(now);
    if (error instanceof ProviderNotConfiguredError) {
      await release(taskId, new Date(answeredAt.getTime() + pollDelayMs(Number.POSITIVE_INFINITY)));
      return;
    }
    const failure = classifyProviderError(error);
    if (failure.httpStatus === 404) {
      // The provider no longer knows the job (deleted or expired upstream before it finished).
      if (late) await release(taskId, null);
      else await failSubmission(taskId, "not_found", failure.message);
      return;
    }
    await addTaskEvent(db, taskId, {
      type: "poll_error",
      message: `${failure.code}: ${failure.message}`.slice(0, 500),
      at: now,
    });
    const answer = answerJson(answerOfFailure(failure));
    if (!late && overTimeLimit(task, now)) {
      await db.$transaction((tx) => giveUp(tx, taskId, task, now, { answer }));
      return;
    }
    const delay = late
      ? latePollDelayMs()
      : pollDelayMs(now.getTime() - task.createdAt.getTime(), failure.retryAfterSeconds);
    await release(taskId, new Date(answeredAt.getTime() + delay), answer);
  }
}

/**
 * A task with no provider job: its create's answer was lost (submit_unknown), or the process
 * died during the submit (still "submitting" after its lease ran out). If the create was never
 * sent, nothing can exist upstream: it fails at once and its reservation is released. Otherwise
 * the provider's recent jobs are searched for it.
 */
async function recoverSubmission(taskId: string, status: string, now: Date): Promise<void> {
  if (status === "submitting") {
    const sent = await db.videoTaskEvent.findFirst({
      where: { taskId, type: CREATE_SENT_EVENT },
      select: { id: true },
    });
    if (!sent) {
      await failSubmission(
        taskId,
        "submit_interrupted",
        "The studio stopped before sending this job to the provider; nothing was started and nothing was charged.",
      );
      return;
    }
  }
  await reconcileSubmission(taskId, now);
}
