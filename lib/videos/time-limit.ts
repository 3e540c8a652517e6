import "server-only";
import type { ProviderJob } from "@/lib/upstream/provider-job";
import type { Tx } from "@/lib/db/client";
import { queueVideoNotification } from "@/lib/notifications/enqueue";
import { applyProviderVideo } from "./apply-provider-video";
import { refundTask, taskBillingTiming } from "./billing";
import { LATE_WATCH_MS, latePollDelayMs, runTimeLimitMs } from "./poll-schedule";
import { addTaskEvent } from "./task-events";
import { isTerminalStatus } from "./video-dto";

// A job that never finishes must not hold its budget, nor be polled at full speed, forever.
// Past its model's time limit (model-registry.ts) it is failed and its reservation released;
// the provider is still asked now and then for a day, and a late completion is archived and
// charged like any other (the provider bills it).

export const TIMED_OUT = "timed_out";

type Timed = { channel: string; model: string; submittedAt: Date | null; createdAt: Date };

const startOf = (task: Timed) => (task.submittedAt ?? task.createdAt).getTime();

export function overTimeLimit(task: Timed, now: Date): boolean {
  return now.getTime() - startOf(task) > runTimeLimitMs(task.channel, task.model);
}

export function isLateWatch(task: { status: string; errorCode: string | null }): boolean {
  return task.status === "failed" && task.errorCode === TIMED_OUT;
}

/** Fails a running job that is over its limit; releases its reservation; keeps a slow watch on it. */
export async function giveUp(tx: Tx, taskId: string, task: Timed, now: Date): Promise<void> {
  const minutes = Math.ceil(runTimeLimitMs(task.channel, task.model) / 60_000);
  const message = `No result after ${minutes} min, the limit for ${task.model}. Nothing was charged; if the provider still finishes it, the video is saved and charged then.`;
  await tx.videoTask.update({
    where: { id: taskId },
    data: {
      status: "failed",
      errorCode: TIMED_OUT,
      errorMessage: message,
      reservedCents: 0,
      pollLeaseUntil: null,
      nextPollAt: new Date(now.getTime() + latePollDelayMs()),
    },
  });
  await addTaskEvent(tx, taskId, { type: TIMED_OUT, status: "failed", message, at: now });
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
    data: { pollLeaseUntil: null, nextPollAt: stop ? null : new Date(now.getTime() + latePollDelayMs()) },
  });
  if (stop) await addTaskEvent(tx, taskId, { type: "watch_ended", status, message: status || null, at: now });
  // A provider that billed at create refunds a job it failed: so do we.
  if (isTerminalStatus(status) && taskBillingTiming(task) === "at_create_refund_on_failure")
    await refundTask(tx, taskId, now);
}
