import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { requireTeam } from "@/lib/auth/require-team";
import { generateContext } from "@/lib/videos/team-video-settings";
import { PageHeader } from "@/components/ui/card";
import { GenerateForm } from "@/components/generate/generate-form";
import { prefillFromSearch } from "@/lib/videos/form-rules";
import { listVideos } from "@/lib/videos/list-videos";
import { RECENT_COUNT } from "@/components/generate/recent-count";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("generate") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { user, team } = await requireTeam((await params).teamId, "videos.create");
  const actor = { teamId: team.id, userId: user.id };
  const [{ offers, room }, search, t, recent] = await Promise.all([
    generateContext(actor),
    searchParams,
    getTranslations("generate"),
    listVideos(actor, { mine: true, limit: RECENT_COUNT }),
  ]);
  // "Use these settings again" links here with ?connection=&model=&size=&seconds=&prompt=&from=<task>.
  const get = (key: string) => {
    const value = search[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const initial = prefillFromSearch(offers, get);
  const from = get("from")?.slice(0, 64);
  const budget = {
    spentCents: room.team.spentCents,
    reservedCents: room.team.reservedCents,
    teamRemainingCents: room.team.remainingCents,
    memberRemainingCents: room.member.remainingCents,
  };
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <GenerateForm
        teamId={team.id}
        offers={offers}
        initial={initial}
        budget={budget}
        initialIdempotencyKey={randomUUID()}
        recent={recent.items}
        {...(from ? { sourceTaskId: from } : {})}
      />
    </>
  );
}
