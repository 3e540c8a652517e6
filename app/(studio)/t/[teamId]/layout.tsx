import type { ReactNode } from "react";
import { db } from "@/lib/db";
import { listTeamsOf, requireTeam } from "@/lib/teams/team-access";
import { StudioShell } from "@/components/shell/studio-shell";

export default async function TeamLayout({ children, params }: { children: ReactNode; params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  // Layouts are not an auth boundary (each page checks again), but a non-member gets the 404 here too.
  const { user, team } = await requireTeam(teamId);
  if (user.activeTeamId !== team.id) await db.user.update({ where: { id: user.id }, data: { activeTeamId: team.id } });
  const teams = await listTeamsOf(user.id);
  return (
    <StudioShell user={user} teams={teams} activeTeamId={team.id}>
      {children}
    </StudioShell>
  );
}
