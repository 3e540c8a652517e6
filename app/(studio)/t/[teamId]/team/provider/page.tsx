import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/teams/permissions";
import { requireTeam } from "@/lib/teams/team-access";
import { teamProviderSettings } from "@/lib/teams/team-queries";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { ForbiddenNotice } from "@/components/team/forbidden-notice";
import { ProviderForm } from "@/components/team/provider-form";
import { TeamTabs } from "@/components/team/team-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provider"))("title") };
}

export default async function ProviderPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { team, user, role } = await requireTeam((await params).teamId);
  const t = await getTranslations("provider");
  const format = await getFormatter();
  if (!can(role, "provider.manage")) {
    return (
      <>
        <PageHeader title={t("title")} />
        <ForbiddenNotice />
      </>
    );
  }
  const settings = await teamProviderSettings(user.id, team.id);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <TeamTabs teamId={team.id} role={role} current="provider" />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <ProviderForm
            teamId={team.id}
            channel={settings.channel}
            baseUrl={settings.baseUrl}
            keyLast4={settings.keyLast4}
          />
        </Card>
        <div className="flex flex-col gap-4">
          <Card>
            <h2 className="mb-2 font-semibold">{t("storedKey")}</h2>
            {settings.keyLast4 ? (
              <p className="text-sm">
                <span className="font-mono">••••{settings.keyLast4}</span>
                {settings.keyUpdatedAt ? (
                  <span className="block text-xs text-slate-500">
                    {t("keyUpdated", {
                      date: format.dateTime(new Date(settings.keyUpdatedAt), {
                        dateStyle: "medium",
                        timeStyle: "short",
                      }),
                    })}
                  </span>
                ) : null}
              </p>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">{t("noKey")}</p>
            )}
          </Card>
          <Alert tone="info">{t("replaceNote")}</Alert>
        </div>
      </div>
    </>
  );
}
