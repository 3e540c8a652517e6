import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/teams/permissions";
import { requireTeam } from "@/lib/auth/require-team";
import { teamInvites, teamMembers } from "@/lib/teams/team-queries";
import { Card, PageHeader } from "@/components/ui/card";
import { InvitesCard } from "@/components/team/invites-card";
import { MembersCard } from "@/components/team/members-card";
import { LeaveTeamForm, TransferOwnershipForm } from "@/components/team/membership-actions";
import { TeamTabs } from "@/components/team/team-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("team") };
}

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { team, user, role } = await requireTeam((await params).teamId);
  const t = await getTranslations();
  const view = await teamMembers(user.id, team.id);
  // Only the owner may transfer; the owner is also the one who cannot leave (one owner, always).
  const mayTransfer = can(role, "team.transfer");
  const invites = can(role, "members.manage") ? await teamInvites(user.id, team.id) : null;
  return (
    <>
      <PageHeader title={t("sections.team.title")} lead={t("sections.team.lead", { team: team.name })} />
      <TeamTabs teamId={team.id} role={role} current="members" />
      <MembersCard view={view} />
      {invites ? <InvitesCard teamId={team.id} invites={invites} /> : null}
      <Card className="mb-6">
        <h2 className="mb-3 font-semibold">{mayTransfer ? t("teamAdmin.transferTitle") : t("teamAdmin.leaveTitle")}</h2>
        {mayTransfer ? (
          <TransferOwnershipForm
            teamId={team.id}
            candidates={view.members
              .filter((m) => !m.isYou)
              .map((m) => ({ userId: m.userId, name: `${m.name} (${m.email})` }))}
          />
        ) : (
          <LeaveTeamForm teamId={team.id} teamName={team.name} />
        )}
      </Card>
      {!can(role, "provider.manage") ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("teamAdmin.memberNote")}{" "}
          <Link className="font-medium text-brand-600 hover:underline dark:text-brand-100" href={`/t/${team.id}/spend`}>
            {t("teamAdmin.seeSpend")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
