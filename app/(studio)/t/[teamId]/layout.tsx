import type { ReactNode } from "react";
import { requireTeam } from "@/lib/auth/require-team";
import { listTeamsOf } from "@/lib/teams/memberships";
import { rememberActiveTeam } from "@/lib/teams/team-queries";
import { StudioShell } from "@/components/shell/studio-shell";
import { TaskPushProvider } from "@/components/videos/task-push";

export default async function TeamLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ teamId: string }>;
}) {
  const { teamId } = await params;
  // Layouts are not an auth boundary (each page checks again), but a non-member gets the 404 here too.
  const { user, team } = await requireTeam(teamId);
  await rememberActiveTeam(user, team.id);
  const teams = await listTeamsOf(user.id);
  return (
    <StudioShell user={user} teams={teams} activeTeamId={team.id}>
      <TaskPushProvider teamId={team.id}>{children}</TaskPushProvider>
    </StudioShell>
  );
}
