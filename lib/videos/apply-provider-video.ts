import type { ProviderJob } from "@/lib/upstream/provider-job";
import type { Tx } from "@/lib/db/client";
import { queueVideoNotification } from "@/lib/notifications/enqueue";
import { env } from "@/lib/env";
import { findModel, findPreset, resultRetentionSeconds } from "@/lib/models";
import { chargeTask, refundTask, taskBillingTiming } from "./billing";
import { wakeTask } from "@/lib/engine/wake";
import { nextPollDelayMs } from "./poll-schedule";
import { answerJson, answerOfJob } from "./provider-answer";
import { addTaskEvent } from "./task-events";
import { isTerminalStatus } from "./video-dto";

/** While a job's provider calls back (a verified callback in the last 10 min), polls wait this many times longer. */
export const CALLBACK_POLL_BACKOFF = 6;
const callbacksRecent = (lastCallbackAt: Date | null, now: Date) =>
  lastCallbackAt !== null && now.getTime() - lastCallbackAt.getTime() < 10 * 60_000 * env.pollScale;

/**
 * Stores what the provider says about a job: status (unknown statuses are kept as data),
 * progress, timestamps, error; one event per change; when the job completes, queues the archive;
 * when it fails, releases the reservation. Returns whether anything changed.
 */
export async function applyProviderVideo(
  tx: Tx,
  taskId: string,
  video: ProviderJob,
  now: Date,
  opts: { linkJob?: boolean; answeredAt?: Date; releasePollLease?: boolean } = {},
): Promise<boolean> {
  const task = await tx.videoTask.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      status: true,
      progress: true,
      createdAt: true,
      channel: true,
      model: true,
      archiveStatus: true,
      startedAt: true,
      providerJobId: true,
      lastCallbackAt: true,
    },
  });
  const status = video.status;
  const progress = video.progress;
  const statusChanged = status !== task.status;
  const progressChanged = progress !== task.progress;
  const completedAt = video.completedAt;
  const preset = findPreset(task.channel);
  const model = findModel(task.channel, task.model);
  const retention = preset && model ? resultRetentionSeconds(preset, model) : 86_400;
  const expiresAt =
    video.expiresAt ?? (status === "completed" ? new Date((completedAt ?? now).getTime() + retention * 1000) : null);
  const terminal = isTerminalStatus(status);
  const failed = terminal && status !== "completed";
  const error = video.error;

  await tx.videoTask.update({
    where: { id: taskId },
    data: {
      status,
      progress: status === "completed" ? 100 : progress,
      ...(opts.linkJob || !task.providerJobId ? { providerJobId: video.id, providerCreatedAt: video.createdAt } : {}),
      ...(status === "in_progress" && !task.startedAt ? { startedAt: now } : {}),
      ...(completedAt ? { completedAt } : status === "completed" ? { completedAt: now } : {}),
      ...(expiresAt ? { providerExpiresAt: expiresAt } : {}),
      ...(video.billedCents !== null ? { billedCents: video.billedCents } : {}),
      ...(failed ? { errorCode: error?.code ?? status, errorMessage: error?.message ?? null, reservedCents: 0 } : {}),
      ...(status === "completed" && task.archiveStatus === "none"
        ? { archiveStatus: "pending", nextArchiveAt: now }
        : {}),
      nextPollAt: terminal
        ? null
        : new Date(
            // From the answer (a poll's claim may have waited its turn): never two polls closer
            // than the interval.
            (opts.answeredAt ?? now).getTime() +
              nextPollDelayMs(now.getTime() - task.createdAt.getTime(), progress) *
                (callbacksRecent(task.lastCallbackAt, now) ? CALLBACK_POLL_BACKOFF : 1),
          ),
      // The stuck-job watch (stuck-jobs.ts): what the provider said, and when the job last moved.
      lastProviderAnswer: answerJson(answerOfJob(video)),
      ...(statusChanged || progressChanged ? { lastProgressAt: now } : {}),
      // A poll's lease ends with its answer, in the same statement (one round trip less per poll).
      ...(opts.releasePollLease ? { pollLeaseUntil: null } : {}),
    },
  });
  // Our copy is due now: the engine archives it at once (lib/engine/wake.ts).
  if (status === "completed" && task.archiveStatus === "none") await wakeTask(tx, taskId, "archive", now);
  if (statusChanged) {
    await addTaskEvent(tx, taskId, {
      type: failed ? "failed" : "status",
      status,
      progress,
      message: failed && error ? `${error.code}: ${error.message}` : null,
      at: now,
    });
  } else if (progressChanged) {
    await addTaskEvent(tx, taskId, { type: "progress", status, progress, at: now });
  }
  const timing = taskBillingTiming(task);
  const linked = !failed && (opts.linkJob || !task.providerJobId);
  if (status === "completed" || (timing === "at_create_refund_on_failure" && linked)) await chargeTask(tx, taskId, now);
  if (failed && timing === "at_create_refund_on_failure") await refundTask(tx, taskId, now);
  // "Completed" is told when our copy is kept (archive-video.ts); a failure now.
  if (failed && statusChanged) await queueVideoNotification(tx, taskId, "video.failed", now);
  return statusChanged || progressChanged;
}
