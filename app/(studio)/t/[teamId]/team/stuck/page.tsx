import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/teams/permissions";
import { requireTeam } from "@/lib/auth/require-team";
import { listStuckJobs } from "@/lib/videos/stuck-jobs";
import { PageHeader } from "@/components/ui/card";
import { ForbiddenNotice } from "@/components/team/forbidden-notice";
import { TeamTabs } from "@/components/team/team-tabs";
import { StuckJobRow } from "@/components/stuck/stuck-job-row";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stuck"))("title") };
}

// Team → Stuck jobs: every job of the team taking longer than usual (owners and admins).
export default async function StuckJobsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { team, user, role } = await requireTeam((await params).teamId);
  const t = await getTranslations("stuck");
  if (!can(role, "videos.stuck.manage")) {
    return (
      <>
        <PageHeader title={t("title")} />
        <ForbiddenNotice />
      </>
    );
  }
  const jobs = await listStuckJobs({ teamId: team.id, userId: user.id });
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      <TeamTabs teamId={team.id} role={role} current="stuck" />
      {jobs.length === 0 ? (
        <p data-testid="no-stuck-jobs" className="text-sm text-slate-600 dark:text-slate-300">
          {t("empty")}
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {jobs.map((job) => (
            <StuckJobRow key={job.id} teamId={team.id} job={job} />
          ))}
        </ul>
      )}
    </>
  );
}
