"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { teamActionError, type TeamActionState } from "@/lib/teams/team-action-state";
import { retentionSchema } from "@/lib/teams/team-form-schemas";
import { setTeamRetention } from "@/lib/teams/team-retention-settings";

/**
 * How long the studio keeps archived videos (lib/teams/team-retention-settings.ts). Refusals
 * answer like every other team action: a member gets "not allowed for your role", a stranger
 * "team not found" (teamActionError), never a 404 page.
 */
export async function setRetentionAction(_prev: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const user = await requireUser();
  const parsed = retentionSchema.safeParse(Object.fromEntries(formData));
  // The form is a select and a hidden id: a value outside them is tampering, answered as such.
  if (!parsed.success) return { formError: (await getTranslations("teamErrors"))(parsed.error.issues.some((i) => i.path[0] === "teamId") ? "notFound" : "invalid") };
  const { teamId, retention } = parsed.data;
  try {
    await setTeamRetention(db, user.id, teamId, retention);
  } catch (error) {
    return teamActionError(error);
  }
  revalidatePath(`/t/${teamId}`, "layout");
  return { ok: true, values: { retention } };
}
