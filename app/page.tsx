import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { findMembership, listTeamsOf } from "@/lib/teams/team-access";

// The studio's front door: the active team's Generate page (or the first team still joined).
export default async function Home() {
  const user = await requireUser();
  if (user.activeTeamId && (await findMembership(user.id, user.activeTeamId))) redirect(`/t/${user.activeTeamId}/generate`);
  const [first] = await listTeamsOf(user.id);
  if (!first) redirect("/teams/new");
  await db.user.update({ where: { id: user.id }, data: { activeTeamId: first.id } });
  redirect(`/t/${first.id}/generate`);
}
