"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requireUser } from "@/lib/auth/current-user";
import { saveProviderSettings, testProviderConnection } from "@/lib/teams/provider-settings";
import { parseTeamForm, teamActionError, type TeamActionState } from "@/lib/teams/team-action-state";
import { providerSchema, teamOnlySchema } from "@/lib/teams/team-form-schemas";
import { isChannelId } from "@/lib/videos/model-registry";

// The key typed here is encrypted and stored; it is never echoed back (not even in `values`),
// never logged, and never part of a message.

export async function saveProviderAction(_prev: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const user = await requireUser();
  const parsed = await parseTeamForm(providerSchema, formData, ["channel", "baseUrl"]);
  if (!parsed.ok) return parsed.state;
  const { teamId, channel, baseUrl, apiKey } = parsed.data;
  if (!isChannelId(channel)) return { formError: (await getTranslations("teamErrors"))("invalid") };
  try {
    await saveProviderSettings(db, user.id, teamId, { channel, baseUrl, apiKey }, env.providerKeySecret());
  } catch (error) {
    return { ...(await teamActionError(error)), values: { channel, baseUrl: baseUrl ?? "" } };
  }
  revalidatePath(`/t/${teamId}/team/provider`);
  return { ok: true, message: (await getTranslations("provider"))("saved") };
}

export async function testProviderAction(_prev: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const user = await requireUser();
  const parsed = await parseTeamForm(teamOnlySchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const result = await testProviderConnection(db, user.id, parsed.data.teamId);
    const t = await getTranslations("provider.test");
    switch (result.outcome) {
      case "working":
        return { ok: true, message: t("working") };
      case "rejected":
        return { formError: t("rejected", { status: result.httpStatus }) };
      case "unreachable":
        return { formError: t("unreachable") };
      case "notConfigured":
        return { formError: t("notConfigured") };
      default:
        return { formError: t("unexpected", { status: String(result.httpStatus ?? "—") }) };
    }
  } catch (error) {
    return teamActionError(error);
  }
}
