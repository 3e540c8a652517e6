import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { requireTeam } from "@/lib/teams/team-access";
import { listVideos } from "@/lib/videos/list-videos";
import { CHANNELS, isChannelId } from "@/lib/videos/model-registry";
import { PageHeader } from "@/components/ui/card";
import { GalleryView } from "@/components/gallery/gallery-view";
import { parseGalleryFilters } from "@/lib/videos/gallery-filters-url";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("gallery") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function Page({ params, searchParams }: { params: Promise<{ teamId: string }>; searchParams: Promise<SearchParams> }) {
  const { user, team, role } = await requireTeam((await params).teamId);
  const search = await searchParams;
  const filters = parseGalleryFilters((key) => {
    const value = search[key];
    return Array.isArray(value) ? value[0] : value;
  });
  // The first page comes with the HTML; later pages and filter changes go through the list route.
  const [page, settings, t] = await Promise.all([
    listVideos({ teamId: team.id, userId: user.id, role }, filters),
    db.team.findUniqueOrThrow({ where: { id: team.id }, select: { providerChannel: true } }),
    getTranslations("gallery"),
  ]);
  const channel = isChannelId(settings.providerChannel) ? settings.providerChannel : "simulator";
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <Suspense>
        <GalleryView teamId={team.id} models={CHANNELS[channel].models.map((m) => m.id)} initial={{ filters, page }} />
      </Suspense>
    </>
  );
}
