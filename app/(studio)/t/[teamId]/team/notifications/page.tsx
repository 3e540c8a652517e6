import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/teams/permissions";
import { requireTeam } from "@/lib/auth/require-team";
import { teamWebhookEndpoints } from "@/lib/notifications/endpoints";
import { Card, PageHeader } from "@/components/ui/card";
import { ForbiddenNotice } from "@/components/team/forbidden-notice";
import { TeamTabs } from "@/components/team/team-tabs";
import { EndpointCreateForm } from "@/components/team/notifications/endpoint-create-form";
import { EndpointsList } from "@/components/team/notifications/endpoints-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

// Team → Notifications: the team's webhook endpoints (owners and admins).
export default async function NotificationsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { team, user, role } = await requireTeam((await params).teamId);
  const t = await getTranslations("notifications");
  if (!can(role, "notifications.manage")) {
    return (
      <>
        <PageHeader title={t("title")} />
        <ForbiddenNotice />
      </>
    );
  }
  const endpoints = await teamWebhookEndpoints(user.id, team.id);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <TeamTabs teamId={team.id} role={role} current="notifications" />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <h2 className="mb-3 font-semibold">{t("listTitle")}</h2>
          <EndpointsList teamId={team.id} endpoints={endpoints} />
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">{t("createTitle")}</h2>
          <EndpointCreateForm teamId={team.id} locale={await getLocale()} />
        </Card>
      </div>
    </>
  );
}
