import "server-only";
import { db as defaultDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { authorize, TeamAccessError } from "@/lib/teams/authorize";
import { encryptProviderKey } from "@/lib/upstream/provider-key-crypto";
import { sendDelivery, type AttemptResult } from "./deliver";
import { parseEventList, type EventType, type TestEventData, type WebhookFormat } from "./event-types";
import { newStandardSecret } from "./sign";
import { displayUrl, targetProblem, type TargetProblem } from "./target-url";

// A team's notification endpoints (Team → Notifications), owners and admins only: every function
// authorises first. The URL and secret are stored encrypted; DTOs carry the display form only.

export class WebhookTargetError extends Error {
  constructor(readonly problem: TargetProblem) {
    super(`Refused target: ${problem}`);
  }
}

export type EndpointInput = {
  name: string;
  url: string;
  format: WebhookFormat;
  /** Feishu/DingTalk: the chat tool's signing secret; ignored for the others. */
  secret: string | null;
  events: EventType[];
  locale: string;
};

export type AttemptDto = {
  id: string;
  at: string;
  type: string;
  attempt: number;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
};

export type EndpointDto = {
  id: string;
  name: string;
  format: WebhookFormat;
  urlDisplay: string;
  signed: boolean;
  events: EventType[];
  locale: string;
  consecutiveFailures: number;
  disabledAt: string | null;
  disabledReason: string | null;
  createdAt: string;
  attempts: AttemptDto[];
};

const LOG_ROWS = 10;

export async function createWebhookEndpoint(
  db: Db,
  actorId: string,
  teamId: string,
  input: EndpointInput,
): Promise<{ id: string; secret: string | null }> {
  const problem = targetProblem(input.url, env.webhookPrivateTargets);
  if (problem) throw new WebhookTargetError(problem);
  const generated = input.format === "standard" ? newStandardSecret() : null;
  const secret = generated ?? (input.format === "feishu" || input.format === "dingtalk" ? input.secret : null);
  const key = env.providerKeySecret();
  return db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "notifications.manage");
    const row = await tx.webhookEndpoint.create({
      data: {
        teamId: team.id,
        name: input.name,
        format: input.format,
        urlCiphertext: encryptProviderKey(input.url, key),
        urlDisplay: displayUrl(input.url),
        secretCiphertext: secret ? encryptProviderKey(secret, key) : null,
        events: JSON.stringify(input.events),
        locale: input.locale,
        createdById: actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      teamId: team.id,
      actorId,
      action: "webhook.created",
      targetId: row.id,
      data: { name: input.name, format: input.format, url: displayUrl(input.url) },
    });
    // Only the generated Standard Webhooks secret is shown (once); a typed one the person has.
    return { id: row.id, secret: generated };
  });
}

export async function listWebhookEndpoints(db: Db, actorId: string, teamId: string): Promise<EndpointDto[]> {
  const { team } = await authorize(db, actorId, teamId, "notifications.manage");
  const rows = await db.webhookEndpoint.findMany({
    where: { teamId: team.id },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      format: true,
      urlDisplay: true,
      secretCiphertext: true,
      events: true,
      locale: true,
      consecutiveFailures: true,
      disabledAt: true,
      disabledReason: true,
      createdAt: true,
      attempts: {
        orderBy: { createdAt: "desc" },
        take: LOG_ROWS,
        select: {
          id: true,
          attempt: true,
          statusCode: true,
          latencyMs: true,
          error: true,
          createdAt: true,
          delivery: { select: { type: true } },
        },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    format: r.format as WebhookFormat,
    urlDisplay: r.urlDisplay,
    signed: r.secretCiphertext !== null,
    events: parseEventList(r.events),
    locale: r.locale,
    consecutiveFailures: r.consecutiveFailures,
    disabledAt: r.disabledAt?.toISOString() ?? null,
    disabledReason: r.disabledReason,
    createdAt: r.createdAt.toISOString(),
    attempts: r.attempts.map((a) => ({
      id: a.id,
      at: a.createdAt.toISOString(),
      type: a.delivery.type,
      attempt: a.attempt,
      statusCode: a.statusCode,
      latencyMs: a.latencyMs,
      error: a.error,
    })),
  }));
}

async function endpointOfTeam(db: Pick<Db, "webhookEndpoint">, teamId: string, endpointId: string) {
  const row = await db.webhookEndpoint.findFirst({
    where: { id: endpointId, teamId },
    select: { id: true, name: true, urlDisplay: true },
  });
  // Another team's endpoint is answered like an unknown one.
  if (!row) throw new TeamAccessError("not_found");
  return row;
}

export async function deleteWebhookEndpoint(db: Db, actorId: string, teamId: string, endpointId: string) {
  await db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "notifications.manage");
    const row = await endpointOfTeam(tx, team.id, endpointId);
    await tx.webhookEndpoint.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      teamId: team.id,
      actorId,
      action: "webhook.deleted",
      targetId: row.id,
      data: { name: row.name, url: row.urlDisplay },
    });
  });
}

/** Turns a disabled endpoint back on with a clean failure count. */
export async function enableWebhookEndpoint(db: Db, actorId: string, teamId: string, endpointId: string) {
  await db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "notifications.manage");
    const row = await endpointOfTeam(tx, team.id, endpointId);
    await tx.webhookEndpoint.update({
      where: { id: row.id },
      data: { disabledAt: null, disabledReason: null, consecutiveFailures: 0 },
    });
    await recordAudit(tx, {
      teamId: team.id,
      actorId,
      action: "webhook.enabled",
      targetId: row.id,
      data: { name: row.name },
    });
  });
}

/** "Send test": a test event to this one endpoint, sent now (not retried), its result answered. */
export async function sendTestNotification(
  db: Db,
  actorId: string,
  teamId: string,
  endpointId: string,
  now = new Date(),
): Promise<AttemptResult> {
  const deliveryId = await db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "notifications.manage");
    const row = await endpointOfTeam(tx, team.id, endpointId);
    const data: TestEventData = { team: { id: team.id, name: team.name }, endpoint: { name: row.name } };
    const created = await tx.webhookDelivery.create({
      // Not due: the sweep leaves it alone while it is sent here.
      data: { endpointId: row.id, teamId: team.id, type: "test", payload: JSON.stringify(data), createdAt: now },
      select: { id: true },
    });
    return created.id;
  });
  const result = await sendDelivery(deliveryId, now, { test: true });
  return result ?? { ok: false, statusCode: null, latencyMs: 0, error: "endpoint unusable" };
}

/** The Notifications page's query (pages never use Prisma). */
export function teamWebhookEndpoints(userId: string, teamId: string): Promise<EndpointDto[]> {
  return listWebhookEndpoints(defaultDb, userId, teamId);
}
