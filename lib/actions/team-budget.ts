"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { teamAction } from "@/lib/forms/define-action";
import { setMemberCap, setTeamBudget } from "@/lib/teams/team-budget-settings";
import { memberCapSchema, teamBudgetSchema } from "@/lib/teams/team-form-schemas";

export const setTeamBudgetAction = teamAction({
  schema: teamBudgetSchema,
  permission: "budget.manage",
  keep: ["budget"],
  run: async ({ input, user, t }) => {
    await setTeamBudget(db, user.id, input.teamId, input.budget);
    revalidatePath(`/t/${input.teamId}`, "layout");
    return { ok: true, message: t("budget.saved") };
  },
});

// The owner's own cap needs members.manage.owner: the data layer checks the target's role.
export const setMemberCapAction = teamAction({
  schema: memberCapSchema,
  permission: "budget.manage",
  keep: ["cap"],
  run: async ({ input, user, t }) => {
    await setMemberCap(db, user.id, input.teamId, input.userId, input.cap);
    revalidatePath(`/t/${input.teamId}`, "layout");
    return { ok: true, message: t("budget.capSaved") };
  },
});
