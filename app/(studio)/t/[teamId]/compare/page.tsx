import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireTeam } from "@/lib/auth/require-team";
import { compareVideos, MAX_COMPARED, MIN_COMPARED } from "@/lib/videos/lineage";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { CompareView } from "@/components/compare/compare-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("compare"))("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** /t/[teamId]/compare?ids=a,b,c: two to four of the team's videos side by side, in sync. */
export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { user, team } = await requireTeam((await params).teamId);
  const raw = (await searchParams).ids;
  const asked = [
    ...new Set(
      (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_COMPARED);
  const videos = await compareVideos({ teamId: team.id, userId: user.id }, asked);
  const t = await getTranslations("compare");
  const missing = asked.length - videos.length;
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <div>
        <Link
          href={`/t/${team.id}/gallery`}
          className="text-sm text-brand-600 underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 dark:text-brand-100"
        >
          ← {t("back")}
        </Link>
      </div>
      <PageHeader title={t("title")} lead={t("lead")} />
      {missing > 0 ? <Alert tone="info">{t("missing", { count: missing })}</Alert> : null}
      {videos.length < MIN_COMPARED ? <Alert tone="info">{t("tooFew")}</Alert> : <CompareView videos={videos} />}
    </div>
  );
}
