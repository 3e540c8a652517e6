import type { Db } from "@/lib/db/client";

export const TEAM_NAME_MAX = 60;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Creates a team with `userId` as its owner and makes it the user's active team. */
export async function createTeamWithOwner(tx: Tx | Db, userId: string, name: string) {
  const team = await tx.team.create({
    data: { name: name.trim().slice(0, TEAM_NAME_MAX), memberships: { create: { userId, role: "OWNER" } } },
  });
  await tx.user.update({ where: { id: userId }, data: { activeTeamId: team.id } });
  return team;
}
