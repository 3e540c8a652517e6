import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { homeTeamId } from "@/lib/teams/team-queries";

// The studio's front door: the active team's Generate page (or the first team still joined).
export default async function Home() {
  const user = await requireUser();
  const teamId = await homeTeamId(user);
  redirect(teamId ? `/t/${teamId}/generate` : "/teams/new");
}
