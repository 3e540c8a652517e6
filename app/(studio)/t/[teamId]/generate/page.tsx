import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { requireTeam } from "@/lib/teams/team-access";
import { budgetRoom } from "@/lib/teams/budget";
import { isChannelId } from "@/lib/videos/model-registry";
import { PageHeader } from "@/components/ui/card";
import { GenerateForm } from "@/components/generate/generate-form";
import { prefillFromSearch } from "@/lib/videos/form-rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("generate") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function Page({ params, searchParams }: { params: Promise<{ teamId: string }>; searchParams: Promise<SearchParams> }) {
  const { user, team } = await requireTeam((await params).teamId);
  const [settings, room, search, t] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: team.id }, select: { providerChannel: true } }),
    budgetRoom(db, team.id, user.id),
    searchParams,
    getTranslations("generate"),
  ]);
  const channel = isChannelId(settings.providerChannel) ? settings.providerChannel : "simulator";
  // "Use these settings again" links here with ?model=&size=&seconds=&prompt=.
  const initial = prefillFromSearch(channel, (key) => {
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
      <GenerateForm teamId={team.id} channel={channel} initial={initial} budget={budget} initialIdempotencyKey={randomUUID()} />
    </>
  );
}
