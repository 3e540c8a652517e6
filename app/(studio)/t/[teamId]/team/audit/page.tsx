import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/teams/permissions";
import { requireTeam } from "@/lib/auth/require-team";
import { teamAuditPage } from "@/lib/teams/team-queries";
import { PageHeader } from "@/components/ui/card";
import { AuditList } from "@/components/team/audit-list";
import { ForbiddenNotice } from "@/components/team/forbidden-notice";
import { TeamTabs } from "@/components/team/team-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { team, user, role } = await requireTeam((await params).teamId);
  const t = await getTranslations("audit");
  if (!can(role, "audit.read")) {
    return (
      <>
        <PageHeader title={t("title")} />
        <ForbiddenNotice />
      </>
    );
  }
  const page = await teamAuditPage(user.id, team.id, Number((await searchParams).page ?? 1));
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <TeamTabs teamId={team.id} role={role} current="audit" />
      <AuditList teamId={team.id} page={page} />
    </>
  );
}
