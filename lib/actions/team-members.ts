"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { teamAction } from "@/lib/forms/define-action";
import { changeMemberRole, leaveTeam, removeMember, transferOwnership } from "@/lib/teams/member-admin";
import { memberTargetSchema, roleChangeSchema, teamOnlySchema } from "@/lib/teams/team-form-schemas";

// Thin public endpoints: the wrapper checks session, membership and permission; the data layer
// authorises again inside its transaction (lib/teams/member-admin.ts) and changes the rows.

export const changeRoleAction = teamAction({
  schema: roleChangeSchema,
  permission: "members.manage",
  run: async ({ input, user, t }) => {
    await changeMemberRole(db, user.id, input.teamId, input.userId, input.role);
    revalidatePath(`/t/${input.teamId}`, "layout");
    return { ok: true, message: t("teamAdmin.roleSaved") };
  },
});

export const removeMemberAction = teamAction({
  schema: memberTargetSchema,
  permission: "members.manage",
  run: async ({ input, user, t }) => {
    await removeMember(db, user.id, input.teamId, input.userId);
    revalidatePath(`/t/${input.teamId}`, "layout");
    return { ok: true, message: t("teamAdmin.removed") };
  },
});

// Any member may leave (but the owner, a rule of the data layer).
export const leaveTeamAction = teamAction({
  schema: teamOnlySchema,
  permission: "videos.read",
  run: async ({ input, user }) => {
    await leaveTeam(db, user.id, input.teamId);
    redirect("/");
  },
});

export const transferOwnershipAction = teamAction({
  schema: memberTargetSchema,
  permission: "team.transfer",
  run: async ({ input, user, t }) => {
    await transferOwnership(db, user.id, input.teamId, input.userId);
    revalidatePath(`/t/${input.teamId}`, "layout");
    return { ok: true, message: t("teamAdmin.transferred") };
  },
});
