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
  // Every new team starts with the built-in simulator, so it can generate before it has a key.
  await tx.providerConnection.create({ data: { teamId: team.id, name: "Simulator", preset: "simulator" } });
  await tx.user.update({ where: { id: userId }, data: { activeTeamId: team.id } });
  return team;
}
