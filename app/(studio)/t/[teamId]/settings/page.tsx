import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireTeam } from "@/lib/auth/require-team";
import { listTeamsOf } from "@/lib/teams/memberships";
import { Card, PageHeader } from "@/components/ui/card";
import { LanguageSwitcher, ThemeSwitcher } from "@/components/shell/preference-switchers";
import { RetentionForm } from "@/components/shell/retention-form";
import { can } from "@/lib/teams/permissions";
import { teamRetention } from "@/lib/teams/team-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("settings") };
}

export default async function SettingsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { user, team, role } = await requireTeam((await params).teamId);
  const retention = await teamRetention(user.id, team.id);
  const t = await getTranslations();
  const teams = await listTeamsOf(user.id);
  return (
    <>
      <PageHeader title={t("sections.settings.title")} lead={t("sections.settings.lead")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 font-semibold">{t("shell.language")}</h2>
          <LanguageSwitcher id="settings-language" />
          <h2 className="mt-6 mb-3 font-semibold">{t("shell.theme")}</h2>
          <ThemeSwitcher id="settings-theme" />
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">{t("sections.settings.yourTeams")}</h2>
          <ul className="mb-4 space-y-1">
            {teams.map((team) => (
              <li key={team.id}>
                <Link className="text-brand-600 hover:underline dark:text-brand-100" href={`/t/${team.id}/generate`}>
                  {team.name}
                </Link>{" "}
                <span className="text-sm text-slate-500">· {t(`shell.role.${team.role}`)}</span>
              </li>
            ))}
          </ul>
          <Link className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-100" href="/teams/new">
            + {t("shell.newTeam")}
          </Link>
        </Card>
        {can(role, "videos.delete.any") ? (
          <Card>
            <h2 className="mb-3 font-semibold">{t("retention.title")}</h2>
            <RetentionForm teamId={team.id} current={retention} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
