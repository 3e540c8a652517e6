"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { teamAction } from "@/lib/forms/define-action";
import { retentionSchema } from "@/lib/teams/team-form-schemas";
import { setTeamRetention } from "@/lib/teams/team-retention-settings";

/**
 * How long the studio keeps archived videos (lib/teams/team-retention-settings.ts). Deleting
 * archived videos is deleting anyone's videos, hence the permission. The form is a select and a
 * hidden id: a value outside them is tampering, answered with "not valid" above the form.
 */
export const setRetentionAction = teamAction({
  schema: retentionSchema,
  permission: "videos.delete.any",
  invalid: "teamErrors.invalid",
  run: async ({ input, user }) => {
    await setTeamRetention(db, user.id, input.teamId, input.retention);
    revalidatePath(`/t/${input.teamId}`, "layout");
    return { ok: true, values: { retention: input.retention } };
  },
});
