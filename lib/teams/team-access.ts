import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { roleAtLeast, toRole, type Role } from "./roles";

export type TeamContext = {
  user: Awaited<ReturnType<typeof requireUser>>;
  team: { id: string; name: string };
  role: Role;
};

/** Membership of a user in a team, from the database, or null. Never trusts the session token. */
export async function findMembership(userId: string, teamId: string) {
  if (typeof teamId !== "string" || teamId.length > 64) return null;
  const m = await db.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true, team: { select: { id: true, name: true } } },
  });
  return m ? { role: toRole(m.role), team: m.team } : null;
}

/**
 * For pages and server actions: the signed-in user's membership of `teamId`. A non-member gets a
 * 404 (not 403), so ids of other teams cannot be probed; too low a role is also a 404 here.
 */
export const requireTeam = cache(async (teamId: string, minimum: Role = "MEMBER"): Promise<TeamContext> => {
  const user = await requireUser();
  const membership = await findMembership(user.id, teamId);
  if (!membership || !roleAtLeast(membership.role, minimum)) notFound();
  return { user, team: membership.team, role: membership.role };
});

export async function listTeamsOf(userId: string) {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ id: r.team.id, name: r.team.name, role: toRole(r.role) }));
}
