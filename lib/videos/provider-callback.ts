import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http/errors";
import { findPreset } from "@/lib/models";
import { verifyStandardSignature } from "@/lib/notifications/sign";
import { adapterFor } from "@/lib/upstream/adapters";
import { decryptProviderKey } from "@/lib/upstream/provider-key-crypto";
import type { ProviderJob } from "@/lib/upstream/provider-job";
import { applyProviderVideo, CALLBACK_POLL_BACKOFF } from "./apply-provider-video";
import { pollDelayMs } from "./poll-schedule";
import { leaseUntil } from "./task-lease";
import { applyLateAnswer, isLateWatch } from "./time-limit";
import { isTerminalStatus } from "./video-dto";

// A provider's completion callback (OpenRouter's `callback_url`, decision 063). Nothing unsigned
// is read: the delivery must carry Standard Webhooks headers (webhook-id, webhook-timestamp within
// 5 minutes, webhook-signature = v1,base64 HMAC-SHA256 of "id.timestamp.raw body" under the
// connection's callback secret); a delivery id seen before is refused (ProviderCallback). A
// verified one is applied like a poll's answer (applyProviderVideo, under the task's poll lease),
// and pushes the next poll out: polling stays the fallback and backs off while callbacks arrive.

export const CALLBACK_TOLERANCE_SECONDS = 300;
export { CALLBACK_POLL_BACKOFF };

const refuse = (status: number, code: string, message: string) => new HttpError(status, code, message);

export type CallbackHeaders = { id: string | null; timestamp: string | null; signature: string | null };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Checks and applies one delivery; throws an HttpError (401, 404, 409, 503) when it is refused. */
export async function receiveProviderCallback(
  dialect: string,
  connectionId: string,
  headers: CallbackHeaders,
  rawBody: string,
  now = new Date(),
): Promise<{ applied: boolean; status: string }> {
  const connection = await db.providerConnection.findUnique({
    where: { id: connectionId },
    select: { id: true, preset: true, callbackSecretCiphertext: true },
  });
  const preset = connection ? findPreset(connection.preset) : undefined;
  const adapter = preset ? adapterFor(preset.dialect) : null;
  if (!connection || !preset?.callbacks || preset.dialect !== dialect || !adapter?.callbackJob)
    throw refuse(404, "not_found", "Not found.");
  if (!connection.callbackSecretCiphertext || !headers.id || !headers.timestamp || !headers.signature)
    throw refuse(401, "unsigned", "Only signed deliveries are accepted.");
  const timestamp = Number(headers.timestamp);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > CALLBACK_TOLERANCE_SECONDS)
    throw refuse(401, "stale", "The delivery's timestamp is outside the tolerance.");
  const secret = decryptProviderKey(connection.callbackSecretCiphertext, env.providerKeySecret());
  const signed = { id: headers.id, timestamp: headers.timestamp, signature: headers.signature };
  if (!verifyStandardSignature(secret, signed, rawBody, nowSeconds, CALLBACK_TOLERANCE_SECONDS))
    throw refuse(401, "bad_signature", "The signature does not match.");
  if (await db.providerCallback.findUnique({ where: { id: headers.id }, select: { id: true } }))
    throw refuse(409, "replayed", "This delivery was received before.");

  let job: ProviderJob;
  try {
    job = adapter.callbackJob(JSON.parse(rawBody) as unknown);
  } catch {
    throw refuse(400, "bad_request", "The body is not a job.");
  }
  const task = await db.videoTask.findFirst({
    where: { connectionId: connection.id, providerJobId: job.id },
    select: {
      id: true,
      status: true,
      errorCode: true,
      channel: true,
      model: true,
      submittedAt: true,
      createdAt: true,
    },
  });
  if (!task) throw refuse(404, "not_found", "No job of this connection has this id.");

  // The poll lease: a poll in flight would otherwise write its older answer over this one.
  const lease = leaseUntil(now);
  const claimed = await db.videoTask.updateMany({
    where: { id: task.id, OR: [{ pollLeaseUntil: null }, { pollLeaseUntil: { lt: now } }] },
    data: { pollLeaseUntil: lease },
  });
  if (claimed.count === 0) throw refuse(503, "busy", "The job is being updated; deliver again shortly.");
  try {
    await db.$transaction(async (tx) => {
      await tx.providerCallback.create({
        data: { id: headers.id!, connectionId: connection.id, taskId: task.id, receivedAt: now },
      });
      if (isLateWatch(task)) await applyLateAnswer(tx, task.id, task, job, now);
      else if (!isTerminalStatus(task.status)) await applyProviderVideo(tx, task.id, job, now);
      const after = await tx.videoTask.findUniqueOrThrow({ where: { id: task.id }, select: { nextPollAt: true } });
      const backoff = pollDelayMs(now.getTime() - task.createdAt.getTime()) * CALLBACK_POLL_BACKOFF;
      await tx.videoTask.update({
        where: { id: task.id },
        data: {
          lastCallbackAt: now,
          pollLeaseUntil: null,
          ...(after.nextPollAt
            ? { nextPollAt: new Date(Math.max(after.nextPollAt.getTime(), now.getTime() + backoff)) }
            : {}),
        },
      });
    });
  } catch (error) {
    await db.videoTask.updateMany({ where: { id: task.id, pollLeaseUntil: lease }, data: { pollLeaseUntil: null } });
    if (isUniqueViolation(error)) throw refuse(409, "replayed", "This delivery was received before.");
    throw error;
  }
  const row = await db.videoTask.findUniqueOrThrow({ where: { id: task.id }, select: { status: true } });
  return { applied: true, status: row.status };
}
