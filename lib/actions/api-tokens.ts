"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { teamAction } from "@/lib/forms/define-action";
import { createApiToken, revokeApiToken } from "@/lib/teams/api-tokens";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/teams/api-token-schemas";

/** Creates a token; its secret is in the answer once and never stored (only its hash is). */
export const createApiTokenAction = teamAction({
  schema: createApiTokenSchema,
  permission: "api.manage",
  keep: ["name", "cap"],
  run: async ({ input, user, t }) => {
    const { token } = await createApiToken(db, user.id, input.teamId, {
      name: input.name,
      monthlyCapCents: input.cap,
      expiresInDays: input.expiry,
    });
    revalidatePath(`/t/${input.teamId}/team/api`);
    return { ok: true, data: { token }, message: t("apiTokens.created") };
  },
});

export const revokeApiTokenAction = teamAction({
  schema: revokeApiTokenSchema,
  permission: "api.manage",
  run: async ({ input, user, t }) => {
    await revokeApiToken(db, user.id, input.teamId, input.tokenId);
    revalidatePath(`/t/${input.teamId}/team/api`);
    return { ok: true, message: t("apiTokens.revoked") };
  },
});
