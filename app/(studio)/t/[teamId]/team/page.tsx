import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { toRole } from "@/lib/teams/roles";
import { requireTeam } from "@/lib/teams/team-access";
import { Card, PageHeader } from "@/components/ui/card";
import { SectionPreview } from "@/components/sections/section-preview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("team") };
}

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { team, user } = await requireTeam((await params).teamId);
  const t = await getTranslations();
  const members = await db.membership.findMany({
    where: { teamId: team.id },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return (
    <>
      <PageHeader title={t("sections.team.title")} lead={t("sections.team.lead", { team: team.name })} />
      <Card className="mb-6">
        <h2 className="mb-3 font-semibold">
          {t("teams.members")} <span className="font-normal text-slate-500">· {t("teams.memberCount", { count: members.length })}</span>
        </h2>
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {members.map((m) => (
            <li key={m.user.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{m.user.name ?? m.user.email}</span>
                {m.user.id === user.id ? <span className="text-slate-500"> ({t("teams.you")})</span> : null}
                <span className="block text-sm text-slate-500">{m.user.email}</span>
              </span>
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium dark:bg-slate-800">{t(`shell.role.${toRole(m.role)}`)}</span>
            </li>
          ))}
        </ul>
      </Card>
      <SectionPreview items={t("sections.team.items")} />
    </>
  );
}
