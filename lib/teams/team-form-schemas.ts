import { z } from "zod";
import { CHANNEL_IDS } from "@/lib/videos/model-registry";
import { parseUsdToCents } from "@/lib/money/parse";
import { ASSIGNABLE_ROLES } from "./permissions";
import { INVITE_EXPIRY_DAYS } from "./invite-token";
import { TEAM_NAME_MAX } from "./create-team";
import { RETENTION_CHOICES } from "./retention";
import { noControlText, singleLineText } from "@/lib/text/text-fields";

// Form schemas of the team actions; messages are keys of the team catalogue (teamErrors.*).
export const idField = z.string().trim().min(1).max(64);

/** Dollars as typed ("12.50") → integer cents; blank → null (no budget / no cap). */
export const usdField = z
  .string()
  .trim()
  .max(20, "teamErrors.amountFormat")
  .transform((value, ctx) => {
    if (value === "") return null;
    const parsed = parseUsdToCents(value);
    if (parsed.ok) return parsed.cents;
    ctx.addIssue({
      code: "custom",
      message: parsed.reason === "tooLarge" ? "teamErrors.amountTooLarge" : "teamErrors.amountFormat",
    });
    return z.NEVER;
  });

/** New team (lib/actions/teams.ts): messages are keys of the global errors.* catalogue. */
export const createTeamSchema = z.object({
  name: singleLineText({ required: "errors.teamNameRequired", tooLong: "errors.teamNameTooLong" }, TEAM_NAME_MAX),
});

export const memberTargetSchema = z.object({ teamId: idField, userId: idField });
export const roleChangeSchema = memberTargetSchema.extend({ role: z.enum(ASSIGNABLE_ROLES, "teamErrors.invalid") });
export const memberCapSchema = memberTargetSchema.extend({ cap: usdField });
export const teamBudgetSchema = z.object({ teamId: idField, budget: usdField });
export const teamOnlySchema = z.object({ teamId: idField });
export const retentionSchema = z.object({
  teamId: idField,
  retention: z.enum(RETENTION_CHOICES, "teamErrors.invalid"),
});

export const createInviteSchema = z.object({
  teamId: idField,
  role: z.enum(ASSIGNABLE_ROLES, "teamErrors.invalid"),
  days: z.coerce
    .number()
    .refine(
      (d): d is (typeof INVITE_EXPIRY_DAYS)[number] => (INVITE_EXPIRY_DAYS as readonly number[]).includes(d),
      "teamErrors.invalid",
    ),
});
export const revokeInviteSchema = z.object({ teamId: idField, inviteId: idField });

// URLs and keys are refused, not cleaned, when they hold a control character: a changed URL or
// key would silently point elsewhere or fail later.
const httpUrl = noControlText("teamErrors.baseUrlInvalid")
  .max(500, "teamErrors.baseUrlInvalid")
  .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "teamErrors.baseUrlInvalid")
  .refine((v) => {
    if (v === "") return true;
    try {
      const url = new URL(v);
      return !url.username && !url.password && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, "teamErrors.baseUrlInvalid")
  .transform((v) => (v === "" ? null : v.replace(/\/+$/, "")));

export const providerSchema = z.object({
  teamId: idField,
  channel: z.enum(CHANNEL_IDS as [string, ...string[]], "teamErrors.invalid"),
  baseUrl: httpUrl.optional().transform((v) => v ?? null),
  apiKey: noControlText("teamErrors.keyFormat")
    .max(500, "teamErrors.keyFormat")
    .refine((v) => v === "" || (v.length >= 8 && !/\s/.test(v)), "teamErrors.keyFormat")
    .optional()
    .transform((v) => (v ? v : null)),
});
