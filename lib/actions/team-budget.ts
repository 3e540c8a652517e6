"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { setMemberCap, setTeamBudget } from "@/lib/teams/team-budget-settings";
import { parseTeamForm, teamActionError, type TeamActionState } from "@/lib/teams/team-action-state";
import { memberCapSchema, teamBudgetSchema } from "@/lib/teams/team-form-schemas";

export async function setTeamBudgetAction(_prev: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const user = await requireUser();
  const parsed = await parseTeamForm(teamBudgetSchema, formData, ["budget"]);
  if (!parsed.ok) return parsed.state;
  try {
    await setTeamBudget(db, user.id, parsed.data.teamId, parsed.data.budget);
  } catch (error) {
    return teamActionError(error);
  }
  revalidatePath(`/t/${parsed.data.teamId}`, "layout");
  return { ok: true, message: (await getTranslations("budget"))("saved") };
}

export async function setMemberCapAction(_prev: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const user = await requireUser();
  const parsed = await parseTeamForm(memberCapSchema, formData, ["cap"]);
  if (!parsed.ok) return parsed.state;
  const { teamId, userId, cap } = parsed.data;
  try {
    await setMemberCap(db, user.id, teamId, userId, cap);
  } catch (error) {
    return teamActionError(error);
  }
  revalidatePath(`/t/${teamId}`, "layout");
  return { ok: true, message: (await getTranslations("budget"))("capSaved") };
}
