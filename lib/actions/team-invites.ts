"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { teamAction, userAction } from "@/lib/forms/define-action";
import { acceptInvite, createInvite, revokeInvite } from "@/lib/teams/invites";
import { createInviteSchema, revokeInviteSchema } from "@/lib/teams/team-form-schemas";

/** Creates a link; its token is in the answer once and never stored (only its hash is). */
export const createInviteAction = teamAction({
  schema: createInviteSchema,
  permission: "members.manage",
  run: async ({ input, user, t }) => {
    const { token } = await createInvite(db, user.id, input.teamId, { role: input.role, days: input.days });
    revalidatePath(`/t/${input.teamId}/team`);
    return { ok: true, data: { invitePath: `/invite/${token}` }, message: t("invites.created") };
  },
});

export const revokeInviteAction = teamAction({
  schema: revokeInviteSchema,
  permission: "members.manage",
  run: async ({ input, user, t }) => {
    await revokeInvite(db, user.id, input.teamId, input.inviteId);
    revalidatePath(`/t/${input.teamId}/team`);
    return { ok: true, message: t("invites.revoked") };
  },
});

// The caller is not a member yet: a user action. The data layer checks the token (a malformed one
// is "link does not work"); signed out, the person goes through sign-in and back to this invite.
export const acceptInviteAction = userAction({
  schema: z.object({ token: z.string().max(512).catch("") }),
  signInCallback: ({ token }) => `/invite/${encodeURIComponent(token)}`,
  run: async ({ input, user }) => {
    const { teamId } = await acceptInvite(db, user.id, input.token);
    redirect(`/t/${teamId}/generate`);
  },
});
