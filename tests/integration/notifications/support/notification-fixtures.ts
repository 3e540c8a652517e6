import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createWebhookEndpoint, type EndpointInput } from "@/lib/notifications/endpoints";
import { EVENT_TYPES } from "@/lib/notifications/event-types";

// Real rows through the product's own functions; tasks are inserted as the engine leaves them.

export async function addEndpoint(userId: string, teamId: string, input: Partial<EndpointInput> & { url: string }) {
  return createWebhookEndpoint(db, userId, teamId, {
    name: "hook",
    format: "standard",
    secret: null,
    events: [...EVENT_TYPES],
    locale: "en",
    ...input,
  });
}

/** A task waiting for its submit, as createVideoJob leaves it before the provider answers. */
export async function insertTask(teamId: string, userId: string, estimateCents = 40, prompt = "a red kite") {
  const task = await db.videoTask.create({
    data: {
      teamId,
      createdById: userId,
      idempotencyKey: randomUUID(),
      channel: "simulator",
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt,
      status: "submitting",
      estimateCents,
      reservedCents: estimateCents,
    },
  });
  return task.id;
}

export const deliveriesOf = (endpointId: string) =>
  db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });
