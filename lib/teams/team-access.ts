import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { roleAtLeast, type Role } from "./roles";
import { findMembership } from "./memberships";

export { findMembership, listTeamsOf } from "./memberships";

export type TeamContext = {
  user: Awaited<ReturnType<typeof requireUser>>;
  team: { id: string; name: string };
  role: Role;
};

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
