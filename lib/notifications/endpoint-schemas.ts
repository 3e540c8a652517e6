import { z } from "zod";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { idField } from "@/lib/teams/team-form-schemas";
import { singleLineText } from "@/lib/text/text-fields";
import { EVENT_TYPES, WEBHOOK_FORMATS, eventFieldName } from "./event-types";
import { targetProblem } from "./target-url";

// Team → Notifications forms (lib/actions/notifications.ts); messages are catalogue keys.

const URL_ERRORS = {
  invalid: "notifications.errors.urlInvalid",
  scheme: "notifications.errors.urlScheme",
  internal: "notifications.errors.urlInternal",
} as const;

export const createEndpointSchema = z
  .object({
    teamId: idField,
    name: singleLineText(
      { required: "notifications.errors.nameRequired", tooLong: "notifications.errors.nameRequired" },
      80,
    ),
    url: z
      .string()
      .trim()
      .max(2000, URL_ERRORS.invalid)
      .superRefine((value, ctx) => {
        const problem = targetProblem(value, env.webhookPrivateTargets);
        if (problem) ctx.addIssue({ code: "custom", message: URL_ERRORS[problem] });
      }),
    format: z.enum(WEBHOOK_FORMATS),
    secret: z
      .string()
      .trim()
      .max(200, "notifications.errors.secretTooLong")
      .optional()
      .transform((v) => v || null),
    locale: z
      .string()
      .optional()
      .transform((v) => (isLocale(v) ? v : "en")),
  })
  .catchall(z.unknown())
  .transform((value, ctx) => {
    const events = EVENT_TYPES.filter((type) => value[eventFieldName(type)] === "on");
    if (events.length === 0) {
      ctx.addIssue({ code: "custom", path: ["events"], message: "notifications.errors.eventsRequired" });
      return z.NEVER;
    }
    return {
      teamId: value.teamId,
      name: value.name,
      url: value.url,
      format: value.format,
      secret: value.secret,
      locale: value.locale,
      events,
    };
  });

export const endpointIdSchema = z.object({ teamId: idField, endpointId: idField });
