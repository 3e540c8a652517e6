import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { authorize, TeamAccessError } from "@/lib/teams/authorize";
import { ROLE_FLOOR, type Permission } from "@/lib/teams/permissions";
import { isRole, type Role } from "@/lib/teams/roles";
import { requireUser } from "./current-user";

export type TeamContext = {
  user: Awaited<ReturnType<typeof requireUser>>;
  team: { id: string; name: string };
  role: Role;
};

/**
 * For pages (and, until they move to the action wrapper, server actions): the signed-in user's
 * membership of `teamId`, checked by `authorize()` for `need` (default `videos.read`: any member).
 * A non-member gets a 404 (not 403), so ids of other teams cannot be probed; too low a role is
 * also a 404 here (pages that a lower role may open check `can()` and show a notice instead).
 * `need` may still be a minimum role (older callers); it is read as that role's floor permission.
 */
export const requireTeam = cache(
  async (teamId: string, need: Permission | Role = "videos.read"): Promise<TeamContext> => {
    const user = await requireUser();
    const permission = isRole(need) ? ROLE_FLOOR[need] : need;
    try {
      const { team, role } = await authorize(db, user.id, teamId, permission);
      return { user, team, role };
    } catch (error) {
      if (error instanceof TeamAccessError) notFound();
      throw error;
    }
  },
);
