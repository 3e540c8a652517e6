"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { teamAction } from "@/lib/forms/define-action";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  enableWebhookEndpoint,
  sendTestNotification,
  WebhookTargetError,
} from "@/lib/notifications/endpoints";
import { createEndpointSchema, endpointIdSchema } from "@/lib/notifications/endpoint-schemas";

const page = (teamId: string) => `/t/${teamId}/team/notifications`;

/** Adds an endpoint; a Standard Webhooks secret is in the answer once and stored encrypted. */
export const createWebhookEndpointAction = teamAction({
  schema: createEndpointSchema,
  permission: "notifications.manage",
  keep: ["name", "url"],
  run: async ({ input, user, t }) => {
    try {
      const { secret } = await createWebhookEndpoint(db, user.id, input.teamId, input);
      revalidatePath(page(input.teamId));
      return { ok: true, data: { secret }, message: t("notifications.created") };
    } catch (error) {
      if (error instanceof WebhookTargetError) {
        const key =
          error.problem === "internal" ? "urlInternal" : error.problem === "scheme" ? "urlScheme" : "urlInvalid";
        return { ok: false, fieldErrors: { url: t(`notifications.errors.${key}`) } };
      }
      throw error;
    }
  },
});

export const deleteWebhookEndpointAction = teamAction({
  schema: endpointIdSchema,
  permission: "notifications.manage",
  run: async ({ input, user, t }) => {
    await deleteWebhookEndpoint(db, user.id, input.teamId, input.endpointId);
    revalidatePath(page(input.teamId));
    return { ok: true, message: t("notifications.deleted") };
  },
});

export const enableWebhookEndpointAction = teamAction({
  schema: endpointIdSchema,
  permission: "notifications.manage",
  run: async ({ input, user, t }) => {
    await enableWebhookEndpoint(db, user.id, input.teamId, input.endpointId);
    revalidatePath(page(input.teamId));
    return { ok: true, message: t("notifications.enabled") };
  },
});

/** "Send test": sent at once, its answer (status and time, or the error) shown by the button. */
export const sendTestNotificationAction = teamAction({
  schema: endpointIdSchema,
  permission: "notifications.manage",
  run: async ({ input, user, t }) => {
    const result = await sendTestNotification(db, user.id, input.teamId, input.endpointId);
    revalidatePath(page(input.teamId));
    return result.ok
      ? { ok: true, message: t("notifications.testSent", { status: result.statusCode ?? 0, ms: result.latencyMs }) }
      : { ok: false, formError: t("notifications.testFailed", { error: result.error ?? "—" }) };
  },
});
