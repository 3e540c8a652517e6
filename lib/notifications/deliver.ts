import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { decryptProviderKey } from "@/lib/upstream/provider-key-crypto";
import {
  DISABLE_AFTER_FAILURES,
  MAX_ATTEMPTS,
  isWebhookFormat,
  retryDelayMs,
  type AnyEventType,
  type EventData,
} from "./event-types";
import { chatToolError, renderRequest } from "./render-request";
import { resolvesInternally, targetProblem } from "./target-url";

// The outbox's sender, a step of the engine's sweep (lib/videos/sweep.ts). Bounded: at most
// BATCH deliveries per sweep, sent in parallel, each with a time limit, so a slow receiver
// delays a sweep by at most TIMEOUT_MS. A delivery is claimed with a lease (one conditional
// UPDATE), so two sweeps never send the same attempt. Failures retry with exponential backoff
// (event-types.ts); an endpoint failing DISABLE_AFTER_FAILURES attempts in a row is turned off.

const BATCH = 10;
const TIMEOUT_MS = 10_000;
const LEASE_MS = 60_000;
const ANSWER_CHARS = 500;
/** The log keeps each endpoint's last LOG_KEEP attempts, and finished deliveries for KEEP_DAYS. */
const LOG_KEEP = 200;
const KEEP_MS = 30 * 86_400_000;

export type AttemptResult = { ok: boolean; statusCode: number | null; latencyMs: number; error: string | null };

/** Sends due deliveries (only one team's when `scope.teamId` says so: tests). */
export async function deliverDueNotifications(
  now = new Date(),
  scope: { teamId?: string; limit?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const due = await db.webhookDelivery.findMany({
    where: { nextAttemptAt: { lte: now }, status: "pending", ...(scope.teamId ? { teamId: scope.teamId } : {}) },
    select: { id: true },
    orderBy: { nextAttemptAt: "asc" },
    take: Math.min(scope.limit ?? BATCH, BATCH),
  });
  const claimed: string[] = [];
  for (const { id } of due) {
    const won = await db.webhookDelivery.updateMany({
      where: { id, status: "pending", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (won.count === 1) claimed.push(id);
  }
  const results = await Promise.all(
    claimed.map((id) =>
      // One broken delivery (an unreadable secret after a key change) must not stop the others.
      sendDelivery(id, now).catch((error: unknown) => {
        console.error(`[notifications] delivery ${id}`, error);
        return null;
      }),
    ),
  );
  return { sent: results.filter((r) => r?.ok).length, failed: results.filter((r) => r && !r.ok).length };
}

/** One attempt of one claimed delivery; records it in the log and moves the delivery on. */
export async function sendDelivery(deliveryId: string, now: Date, opts: { test?: boolean } = {}) {
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    select: {
      id: true,
      type: true,
      payload: true,
      attempts: true,
      createdAt: true,
      endpoint: {
        select: {
          id: true,
          format: true,
          urlCiphertext: true,
          secretCiphertext: true,
          locale: true,
          disabledAt: true,
        },
      },
    },
  });
  const endpoint = delivery.endpoint;
  if ((endpoint.disabledAt && !opts.test) || !isWebhookFormat(endpoint.format)) {
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "cancelled", nextAttemptAt: null, leaseUntil: null },
    });
    return null;
  }
  const keySecret = env.providerKeySecret();
  const url = decryptProviderKey(endpoint.urlCiphertext, keySecret);
  const secret = endpoint.secretCiphertext ? decryptProviderKey(endpoint.secretCiphertext, keySecret) : null;
  const request = renderRequest({
    format: endpoint.format,
    url,
    secret,
    locale: endpoint.locale,
    deliveryId,
    type: delivery.type as AnyEventType,
    data: JSON.parse(delivery.payload) as EventData,
    createdAt: delivery.createdAt,
    now,
  });
  const result = await post(request, endpoint.format);
  await record(deliveryId, endpoint.id, delivery.attempts + 1, result, now, opts.test === true);
  return result;
}

async function post(request: ReturnType<typeof renderRequest>, format: string): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    if (!env.webhookPrivateTargets && (targetProblem(request.url, false) || (await resolvesInternally(request.url)))) {
      return { ok: false, statusCode: null, latencyMs: elapsed(), error: "refused: the address is internal" };
    }
    const response = await fetch(request.url, {
      method: "POST",
      headers: { ...request.headers, "user-agent": "SoraStudio-Webhooks/1" },
      body: request.body,
      // A redirect could lead inside the network: not followed, it counts as a failure.
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = (await response.text()).slice(0, ANSWER_CHARS);
    const latencyMs = elapsed();
    if (response.status < 200 || response.status >= 300) {
      return { ok: false, statusCode: response.status, latencyMs, error: `HTTP ${response.status}: ${text}`.trim() };
    }
    const toolError = isWebhookFormat(format) ? chatToolError(format, text) : null;
    return { ok: toolError === null, statusCode: response.status, latencyMs, error: toolError };
  } catch (error) {
    const message =
      error instanceof Error ? (error.name === "TimeoutError" ? "timed out" : error.message) : String(error);
    return { ok: false, statusCode: null, latencyMs: elapsed(), error: message.slice(0, ANSWER_CHARS) };
  }
}

async function record(
  deliveryId: string,
  endpointId: string,
  attempt: number,
  result: AttemptResult,
  now: Date,
  test: boolean,
): Promise<void> {
  await db.$transaction(async (tx) => {
    // The endpoint row first: parallel deliveries to one endpoint take its lock in the same order
    // (PostgreSQL), so turning it off and cancelling its other deliveries cannot deadlock.
    // "Send test" tells the person at once; it neither resets nor adds to the failure count.
    let off = false;
    if (!test && result.ok) {
      await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { consecutiveFailures: 0 } });
    } else if (!test) {
      const endpoint = await tx.webhookEndpoint.update({
        where: { id: endpointId },
        data: { consecutiveFailures: { increment: 1 } },
        select: { consecutiveFailures: true, disabledAt: true },
      });
      off = endpoint.disabledAt !== null || endpoint.consecutiveFailures >= DISABLE_AFTER_FAILURES;
      if (off && !endpoint.disabledAt) {
        await tx.webhookEndpoint.update({
          where: { id: endpointId },
          data: { disabledAt: now, disabledReason: result.error?.slice(0, ANSWER_CHARS) ?? null },
        });
      }
    }
    await tx.webhookAttempt.create({
      data: {
        endpointId,
        deliveryId,
        attempt,
        statusCode: result.statusCode,
        latencyMs: result.latencyMs,
        error: result.error,
        createdAt: now,
      },
    });
    const giveUp = !result.ok && (test || attempt >= MAX_ATTEMPTS);
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        attempts: attempt,
        leaseUntil: null,
        lastError: result.error,
        status: result.ok ? "delivered" : giveUp ? "failed" : off ? "cancelled" : "pending",
        deliveredAt: result.ok ? now : null,
        nextAttemptAt: result.ok || giveUp || off ? null : new Date(now.getTime() + retryDelayMs(attempt)),
      },
    });
    await pruneLog(tx, endpointId, now);
    // An endpoint that is off sends nothing more: its other deliveries are cancelled.
    if (off) {
      await tx.webhookDelivery.updateMany({
        where: { endpointId, status: "pending" },
        data: { status: "cancelled", nextAttemptAt: null, leaseUntil: null },
      });
    }
  });
}

/** Bounded per endpoint, on its own indexes: the log never grows without end. */
async function pruneLog(tx: Tx, endpointId: string, now: Date): Promise<void> {
  const oldestKept = await tx.webhookAttempt.findFirst({
    where: { endpointId },
    orderBy: { createdAt: "desc" },
    skip: LOG_KEEP - 1,
    select: { createdAt: true },
  });
  if (oldestKept) {
    await tx.webhookAttempt.deleteMany({ where: { endpointId, createdAt: { lt: oldestKept.createdAt } } });
  }
  await tx.webhookDelivery.deleteMany({
    where: {
      endpointId,
      status: { in: ["delivered", "failed", "cancelled"] },
      createdAt: { lt: new Date(now.getTime() - KEEP_MS) },
    },
  });
}
