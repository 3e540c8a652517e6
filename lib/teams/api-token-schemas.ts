import { z } from "zod";
import { singleLineText } from "@/lib/text/text-fields";
import { API_TOKEN_EXPIRY_DAYS, API_TOKEN_NAME_MAX, type ApiTokenExpiryDays } from "./api-token-rules";
import { idField, usdField } from "./team-form-schemas";

// Team → API forms (lib/actions/api-tokens.ts); messages are keys of the team catalogue.
export const createApiTokenSchema = z.object({
  teamId: idField,
  name: singleLineText(
    { required: "apiTokens.errors.nameRequired", tooLong: "apiTokens.errors.nameTooLong" },
    API_TOKEN_NAME_MAX,
  ),
  cap: usdField,
  // "never" or one of the offered day counts.
  expiry: z.string().transform((v, ctx): ApiTokenExpiryDays | null => {
    if (v === "never") return null;
    const days = Number(v);
    if ((API_TOKEN_EXPIRY_DAYS as readonly number[]).includes(days)) return days as ApiTokenExpiryDays;
    ctx.addIssue({ code: "custom", message: "apiTokens.errors.expiry" });
    return z.NEVER;
  }),
});

export const revokeApiTokenSchema = z.object({ teamId: idField, tokenId: idField });
