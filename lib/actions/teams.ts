"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { userAction } from "@/lib/forms/define-action";
import { withoutAnswer } from "@/lib/forms/without-answer";
import { authorize, TeamAccessError } from "@/lib/teams/authorize";
import { createTeamWithOwner } from "@/lib/teams/create-team";
import { createTeamSchema } from "@/lib/teams/team-form-schemas";
import { STUDIO_SECTIONS } from "@/lib/teams/sections";

/** A new team of the caller's own, which they own. */
export const createTeamAction = userAction({
  schema: createTeamSchema,
  keep: ["name"],
  run: async ({ input, user }) => {
    const team = await db.$transaction((tx) => createTeamWithOwner(tx, user.id, input.name));
    redirect(`/t/${team.id}/generate`);
  },
});

// Any teamId reaches authorize, which answers a malformed one like a stranger's (not found).
const switchSchema = z.object({ teamId: z.string().catch(""), section: z.enum(STUDIO_SECTIONS).catch("generate") });

/**
 * The switcher's plain form: it changes the caller's own active team, so it is a user action; the
 * membership goes through authorize, and a team the caller is not in answers with the 404 page
 * (a form with no answer to show, like any team page of a stranger).
 */
export const switchTeamAction = withoutAnswer(
  userAction({
    schema: switchSchema,
    run: async ({ input, user }) => {
      const actor = await authorize(db, user.id, input.teamId, "videos.read").catch((error: unknown) => {
        if (error instanceof TeamAccessError) notFound();
        throw error;
      });
      await db.user.update({ where: { id: user.id }, data: { activeTeamId: actor.team.id } });
      redirect(`/t/${actor.team.id}/${input.section}`);
    },
  }),
);
