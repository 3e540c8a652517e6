import "server-only";
import type { ProviderJob } from "@/lib/upstream/provider-job";
import type { Tx } from "@/lib/db/client";
import { queueVideoNotification } from "@/lib/notifications/enqueue";
import { applyProviderVideo } from "./apply-provider-video";
import { refundTask, taskBillingTiming } from "./billing";
import { LATE_WATCH_MS, latePollDelayMs, runTimeLimitMs } from "./poll-schedule";
import { answerJson, answerOfJob } from "./provider-answer";
import { addTaskEvent } from "./task-events";
import { isTerminalStatus } from "./video-dto";

// A job that never finishes must not hold its budget, nor be polled at full speed, forever.
// Past its model's time limit (model-registry.ts) it is failed and its reservation released;
// the provider is still asked now and then for a day, and a late completion is archived and
// charged like any other (the provider bills it).

export const TIMED_OUT = "timed_out";
/** An admin gave the job up on the stuck-jobs page (stuck-jobs.ts): the same watch follows. */
export const GIVEN_UP = "given_up";

type Timed = { channel: string; model: string; submittedAt: Date | null; createdAt: Date };

const startOf = (task: Timed) => (task.submittedAt ?? task.createdAt).getTime();

export function overTimeLimit(task: Timed, now: Date): boolean {
  return now.getTime() - startOf(task) > runTimeLimitMs(task.channel, task.model);
}

export function isLateWatch(task: { status: string; errorCode: string | null }): boolean {
  return task.status === "failed" && (task.errorCode === TIMED_OUT || task.errorCode === GIVEN_UP);
}

/**
 * Fails a running job that is over its limit (or that an admin gave up: `reason`); releases its
 * reservation; keeps a slow watch on it. `answer`: the provider's last answer, stored in the same write.
 */
export async function giveUp(
  tx: Tx,
  taskId: string,
  task: Timed,
  now: Date,
  opts: { reason?: { code: string; message: string }; answer?: string } = {},
): Promise<void> {
  const minutes = Math.ceil(runTimeLimitMs(task.channel, task.model) / 60_000);
  const { code, message } = opts.reason ?? {
    code: TIMED_OUT,
    message: `No result after ${minutes} min, the limit for ${task.model}. Nothing was charged; if the provider still finishes it, the video is saved and charged then.`,
  };
  await tx.videoTask.update({
    where: { id: taskId },
    data: {
      status: "failed",
      errorCode: code,
      errorMessage: message,
      reservedCents: 0,
      pollLeaseUntil: null,
      nextPollAt: new Date(now.getTime() + latePollDelayMs()),
      ...(opts.answer ? { lastProviderAnswer: opts.answer } : {}),
    },
  });
  await addTaskEvent(tx, taskId, { type: code, status: "failed", message, at: now });
  await queueVideoNotification(tx, taskId, "video.failed", now);
}

/** What the provider says about a job we gave up on: only a final answer changes the task. */
export async function applyLateAnswer(
  tx: Tx,
  taskId: string,
  task: Timed,
  video: ProviderJob,
  now: Date,
): Promise<void> {
  const status = video.status;
  if (status === "completed") {
    await tx.videoTask.update({
      where: { id: taskId },
      data: { errorCode: null, errorMessage: null, pollLeaseUntil: null },
    });
    await addTaskEvent(tx, taskId, { type: "late_completion", status, at: now });
    await applyProviderVideo(tx, taskId, video, now);
    return;
  }
  const watchEnds = startOf(task) + runTimeLimitMs(task.channel, task.model) + LATE_WATCH_MS;
  const stop = isTerminalStatus(status) || now.getTime() >= watchEnds;
  await tx.videoTask.update({
    where: { id: taskId },
    data: {
      pollLeaseUntil: null,
      nextPollAt: stop ? null : new Date(now.getTime() + latePollDelayMs()),
      lastProviderAnswer: answerJson(answerOfJob(video)),
    },
  });
  if (stop) await addTaskEvent(tx, taskId, { type: "watch_ended", status, message: status || null, at: now });
  // A provider that billed at create refunds a job it failed: so do we.
  if (isTerminalStatus(status) && taskBillingTiming(task) === "at_create_refund_on_failure")
    await refundTask(tx, taskId, now);
}
