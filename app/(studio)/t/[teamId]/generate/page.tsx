import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { requireTeam } from "@/lib/auth/require-team";
import { generateContext } from "@/lib/videos/team-video-settings";
import { PageHeader } from "@/components/ui/card";
import { GenerateForm } from "@/components/generate/generate-form";
import { prefillFromSearch } from "@/lib/videos/form-rules";

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
  const [{ offers, room }, search, t] = await Promise.all([
    generateContext({ teamId: team.id, userId: user.id }),
    searchParams,
    getTranslations("generate"),
  ]);
  // "Use these settings again" links here with ?connection=&model=&size=&seconds=&prompt=.
  const initial = prefillFromSearch(offers, (key) => {
    const value = search[key];
    return Array.isArray(value) ? value[0] : value;
  });
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
      />
    </>
  );
}
