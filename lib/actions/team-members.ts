"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { changeMemberRole, leaveTeam, removeMember, transferOwnership } from "@/lib/teams/member-admin";
import { parseTeamForm, teamActionError, type TeamActionState } from "@/lib/teams/team-action-state";
import { memberTargetSchema, roleChangeSchema, teamOnlySchema } from "@/lib/teams/team-form-schemas";

// Thin public endpoints: session → parse → the data layer authorises from the database and
// changes in one transaction (lib/teams/member-admin.ts) → translated answer.

export async function changeRoleAction(_prev: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const user = await requireUser();
  const parsed = await parseTeamForm(roleChangeSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { teamId, userId, role } = parsed.data;
  try {
    await changeMemberRole(db, user.id, teamId, userId, role);
  } catch (error) {
    return teamActionError(error);
  }
  revalidatePath(`/t/${teamId}`, "layout");
  return { ok: true, message: (await getTranslations("teamAdmin"))("roleSaved") };
}

export async function removeMemberAction(_prev: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const user = await requireUser();
  const parsed = await parseTeamForm(memberTargetSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { teamId, userId } = parsed.data;
  try {
    await removeMember(db, user.id, teamId, userId);
  } catch (error) {
    return teamActionError(error);
  }
  revalidatePath(`/t/${teamId}`, "layout");
  return { ok: true, message: (await getTranslations("teamAdmin"))("removed") };
}

export async function leaveTeamAction(_prev: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const user = await requireUser();
  const parsed = await parseTeamForm(teamOnlySchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await leaveTeam(db, user.id, parsed.data.teamId);
  } catch (error) {
    return teamActionError(error);
  }
  redirect("/");
}

export async function transferOwnershipAction(_prev: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const user = await requireUser();
  const parsed = await parseTeamForm(memberTargetSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { teamId, userId } = parsed.data;
  try {
    await transferOwnership(db, user.id, teamId, userId);
  } catch (error) {
    return teamActionError(error);
  }
  revalidatePath(`/t/${teamId}`, "layout");
  return { ok: true, message: (await getTranslations("teamAdmin"))("transferred") };
}
