import { db } from "@/lib/db";
import { toRole } from "./roles";

/** Membership of a user in a team, from the database, or null. Never trusts the session token. */
export async function findMembership(userId: string, teamId: string) {
  if (typeof teamId !== "string" || teamId.length > 64) return null;
  const m = await db.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true, team: { select: { id: true, name: true } } },
  });
  return m ? { role: toRole(m.role), team: m.team } : null;
}

export async function listTeamsOf(userId: string) {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ id: r.team.id, name: r.team.name, role: toRole(r.role) }));
}
