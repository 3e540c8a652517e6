import type { Db, Tx } from "@/lib/db/client";
import { cleanSingleLineText } from "@/lib/text/clean-text";
import { OWNER_ROLE } from "./roles";

export const TEAM_NAME_MAX = 60;

/** Creates a team with `userId` as its owner and makes it the user's active team. The name is cleaned here, whoever calls (forms, OAuth sign-in). */
export async function createTeamWithOwner(tx: Tx | Db, userId: string, name: string) {
  const team = await tx.team.create({
    data: {
      name: cleanSingleLineText(name).slice(0, TEAM_NAME_MAX),
      memberships: { create: { userId, role: OWNER_ROLE } },
    },
  });
  await tx.user.update({ where: { id: userId }, data: { activeTeamId: team.id } });
  return team;
}
