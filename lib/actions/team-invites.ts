"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { currentUser, requireUser } from "@/lib/auth/current-user";
import { acceptInvite, createInvite, revokeInvite } from "@/lib/teams/invites";
import { parseTeamForm, teamActionError, type TeamActionState } from "@/lib/teams/team-action-state";
import { createInviteSchema, revokeInviteSchema } from "@/lib/teams/team-form-schemas";

/** Creates a link; its token is in the answer once and never stored (only its hash is). */
export async function createInviteAction(_prev: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const user = await requireUser();
  const parsed = await parseTeamForm(createInviteSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { teamId, role, days } = parsed.data;
  let token: string;
  try {
    ({ token } = await createInvite(db, user.id, teamId, { role, days }));
  } catch (error) {
    return teamActionError(error);
  }
  revalidatePath(`/t/${teamId}/team`);
  return { ok: true, invitePath: `/invite/${token}`, message: (await getTranslations("invites"))("created") };
}

export async function revokeInviteAction(_prev: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const user = await requireUser();
  const parsed = await parseTeamForm(revokeInviteSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await revokeInvite(db, user.id, parsed.data.teamId, parsed.data.inviteId);
  } catch (error) {
    return teamActionError(error);
  }
  revalidatePath(`/t/${parsed.data.teamId}/team`);
  return { ok: true, message: (await getTranslations("invites"))("revoked") };
}

export async function acceptInviteAction(_prev: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const token = String(formData.get("token") ?? "");
  // Signed out: back through sign-in to this invite.
  const user = await requireUserFor(`/invite/${encodeURIComponent(token)}`);
  let teamId: string;
  try {
    ({ teamId } = await acceptInvite(db, user.id, token));
  } catch (error) {
    return teamActionError(error);
  }
  redirect(`/t/${teamId}/generate`);
}

async function requireUserFor(callbackPath: string) {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}
