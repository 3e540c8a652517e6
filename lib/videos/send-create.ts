import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { CONNECTION_ROW_SELECT, providerForConnection } from "@/lib/upstream/connections";
import { ProviderNotConfiguredError } from "@/lib/upstream/provider-client";
import { classifyProviderError } from "@/lib/upstream/provider-errors";
import type { ProviderJob } from "@/lib/upstream/provider-job";
import { queueVideoNotification } from "@/lib/notifications/enqueue";
import { applyProviderVideo } from "./apply-provider-video";
import { refundTask } from "./billing";
import { crashPoint } from "./crash-point";
import { markWaiting, queuesOnRateLimit } from "./submit-queue";
import { addTaskEvent } from "./task-events";

export { CREATE_SENT_EVENT } from "./task-events";

// The one provider call of a submit, for a task whose "create_sent" event is already written
// (create-video-job.ts, or the engine for a task that waited its turn). Never retried blindly:
// an unknown outcome is left as submit_unknown for reconcile-submission.ts; a refusal fails the
// task (nothing charged); a rate limit from a provider with limits puts it back in the queue.

export type SendInput = {
  prompt: string;
  model: string;
  size: string;
  seconds: number;
  /** The first frame, and the last where the model takes one. */
  references: { bytes: Buffer; mimeType: string; frame: "first" | "last" }[];
  remixOf?: { providerJobId: string };
};

export async function sendCreate(taskId: string, connectionId: string, input: SendInput): Promise<void> {
  const row = await db.providerConnection.findUnique({ where: { id: connectionId }, select: CONNECTION_ROW_SELECT });
  let video: ProviderJob;
  try {
    const { adapter, connection } = providerForConnection(row);
    const options = { timeoutMs: env.createTimeoutMs };
    if (input.remixOf) {
      if (!adapter.remix) throw new ProviderNotConfiguredError("unknown_dialect");
      video = await adapter.remix(connection, input.remixOf.providerJobId, input.prompt, options);
    } else {
      video = await adapter.create(
        connection,
        {
          prompt: input.prompt,
          model: input.model,
          size: input.size,
          seconds: input.seconds,
          references: input.references,
        },
        options,
      );
    }
  } catch (error) {
    if (error instanceof ProviderNotConfiguredError) {
      await failSubmission(taskId, "provider_not_configured", error.message);
      return;
    }
    const failure = classifyProviderError(error);
    if (failure.outcome === "unknown") {
      await db.$transaction(async (tx) => {
        await tx.videoTask.update({
          where: { id: taskId },
          data: { status: "submit_unknown", nextPollAt: new Date(Date.now() + 2_000), pollLeaseUntil: null },
        });
        await addTaskEvent(tx, taskId, { type: "submit_unknown", status: "submit_unknown", message: failure.message });
      });
      return;
    }
    // A 429 means the provider did not take the job: safe to send again once it has room.
    if (failure.outcome === "retry_later" && row && queuesOnRateLimit(row.preset)) {
      await markWaiting(taskId, new Date(), failure.retryAfterSeconds, `${failure.code}: ${failure.message}`);
      return;
    }
    await failSubmission(taskId, failure.code, failure.message);
    return;
  }
  crashPoint("submit:accepted");
  await db.$transaction(async (tx) => {
    // Only if this call lost its lease (a stall longer than a lease) and the engine meanwhile gave
    // the task up as lost: the job exists after all, so it is adopted, not orphaned.
    await tx.videoTask.updateMany({
      where: { id: taskId, status: "failed", providerJobId: null },
      data: { errorCode: null, errorMessage: null },
    });
    await applyProviderVideo(tx, taskId, video, new Date(), { linkJob: true });
    await tx.videoTask.update({ where: { id: taskId }, data: { pollLeaseUntil: null } });
  });
  crashPoint("submit:linked");
}

/** The provider refused the job: it failed, and its reservation is released (nothing charged; a charge at create is refunded). */
export async function failSubmission(taskId: string, code: string, message: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.videoTask.update({
      where: { id: taskId },
      data: {
        status: "failed",
        errorCode: code,
        errorMessage: message.slice(0, 2000),
        reservedCents: 0,
        nextPollAt: null,
        pollLeaseUntil: null,
      },
    });
    await addTaskEvent(tx, taskId, { type: "failed", status: "failed", message: `${code}: ${message}` });
    await refundTask(tx, taskId, new Date());
    await queueVideoNotification(tx, taskId, "video.failed", new Date());
  });
}
