"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { teamAction } from "@/lib/forms/define-action";
import { saveProviderSettings, testProviderConnection } from "@/lib/teams/provider-settings";
import { providerSchema, teamOnlySchema } from "@/lib/teams/team-form-schemas";
import { isChannelId } from "@/lib/videos/model-registry";

// The key typed here is encrypted and stored; it is never echoed back (not in `keep`, so never in
// `values`), never logged, and never part of a message.

export const saveProviderAction = teamAction({
  schema: providerSchema,
  permission: "provider.manage",
  keep: ["channel", "baseUrl"],
  run: async ({ input, user, t }) => {
    const { teamId, channel, baseUrl, apiKey } = input;
    if (!isChannelId(channel)) return { ok: false, formError: t("teamErrors.invalid") };
    await saveProviderSettings(db, user.id, teamId, { channel, baseUrl, apiKey }, env.providerKeySecret());
    revalidatePath(`/t/${teamId}/team/provider`);
    return { ok: true, message: t("provider.saved") };
  },
});

export const testProviderAction = teamAction({
  schema: teamOnlySchema,
  permission: "provider.manage",
  run: async ({ input, user, t }) => {
    const result = await testProviderConnection(db, user.id, input.teamId);
    switch (result.outcome) {
      case "working":
        return { ok: true, message: t("provider.test.working") };
      case "rejected":
        return { ok: false, formError: t("provider.test.rejected", { status: result.httpStatus }) };
      case "unreachable":
        return { ok: false, formError: t("provider.test.unreachable") };
      case "notConfigured":
        return { ok: false, formError: t("provider.test.notConfigured") };
      case "unexpected":
        return { ok: false, formError: t("provider.test.unexpected", { status: String(result.httpStatus ?? "—") }) };
    }
  },
});
