import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/teams/permissions";
import { requireTeam } from "@/lib/auth/require-team";
import { teamConnections } from "@/lib/teams/team-queries";
import { connectionCatalogues } from "@/lib/upstream/catalogue-admin";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { ForbiddenNotice } from "@/components/team/forbidden-notice";
import { TeamTabs } from "@/components/team/team-tabs";
import { AddConnectionForm } from "@/components/team/connections/add-connection-form";
import { ConnectionCard } from "@/components/team/connections/connection-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provider"))("title") };
}

// Team → Connections (the URL stays /team/provider: links and tests use it).
export default async function ConnectionsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { team, user, role } = await requireTeam((await params).teamId);
  const t = await getTranslations("provider");
  if (!can(role, "provider.manage")) {
    return (
      <>
        <PageHeader title={t("title")} />
        <ForbiddenNotice />
      </>
    );
  }
  const [connections, catalogues] = await Promise.all([
    teamConnections(user.id, team.id),
    connectionCatalogues(user.id, team.id),
  ]);
  const catalogueOf = (id: string) => catalogues.find((c) => c.connectionId === id);
  const active = connections.filter((c) => !c.archived);
  const archived = connections.filter((c) => c.archived);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <TeamTabs teamId={team.id} role={role} current="provider" />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex min-w-0 flex-col gap-4">
          <h2 className="sr-only">{t("listTitle")}</h2>
          {active.length === 0 ? <p className="text-slate-600 dark:text-slate-400">{t("empty")}</p> : null}
          {active.map((connection) => (
            <ConnectionCard
              key={connection.id}
              teamId={team.id}
              connection={connection}
              canArchive={active.length > 1}
              catalogue={catalogueOf(connection.id)}
            />
          ))}
          {archived.length > 0 ? (
            <section aria-labelledby="archived-connections" className="flex flex-col gap-4">
              <h2 id="archived-connections" className="mt-2 font-semibold text-slate-600 dark:text-slate-400">
                {t("archivedTitle")}
              </h2>
              {archived.map((connection) => (
                <ConnectionCard
                  key={connection.id}
                  teamId={team.id}
                  connection={connection}
                  canArchive={false}
                  catalogue={catalogueOf(connection.id)}
                />
              ))}
            </section>
          ) : null}
        </div>
        <div className="flex flex-col gap-4">
          <Card>
            <AddConnectionForm teamId={team.id} />
          </Card>
          <Alert tone="info">{t("keyNote")}</Alert>
        </div>
      </div>
    </>
  );
}
