import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/teams/permissions";
import { requireTeam } from "@/lib/auth/require-team";
import { teamApiTokens } from "@/lib/teams/team-queries";
import { Card, PageHeader } from "@/components/ui/card";
import { ForbiddenNotice } from "@/components/team/forbidden-notice";
import { TeamTabs } from "@/components/team/team-tabs";
import { ApiTokenCreateForm } from "@/components/team/api-tokens/api-token-create-form";
import { ApiTokensList } from "@/components/team/api-tokens/api-tokens-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiTokens"))("title") };
}

// Team → API: the team's API tokens (owners and admins).
export default async function ApiTokensPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { team, user, role } = await requireTeam((await params).teamId);
  const t = await getTranslations("apiTokens");
  if (!can(role, "api.manage")) {
    return (
      <>
        <PageHeader title={t("title")} />
        <ForbiddenNotice />
      </>
    );
  }
  const tokens = await teamApiTokens(user.id, team.id);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <TeamTabs teamId={team.id} role={role} current="api" />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <h2 className="mb-3 font-semibold">{t("listTitle")}</h2>
          <ApiTokensList teamId={team.id} tokens={tokens} />
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">{t("createTitle")}</h2>
          <ApiTokenCreateForm teamId={team.id} />
        </Card>
      </div>
    </>
  );
}
