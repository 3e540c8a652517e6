import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireTeam } from "@/lib/auth/require-team";
import { listVideos } from "@/lib/videos/list-videos";
import { teamVideoOffers } from "@/lib/videos/team-video-settings";
import { PageHeader } from "@/components/ui/card";
import { GalleryView } from "@/components/gallery/gallery-view";
import { parseGalleryFilters } from "@/lib/videos/gallery-filters-url";
import { favouriteIds } from "@/lib/library/favourites";
import { listCollections } from "@/lib/library/collections";
import { can } from "@/lib/teams/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("gallery") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { user, team, role } = await requireTeam((await params).teamId);
  const search = await searchParams;
  const filters = parseGalleryFilters((key) => {
    const value = search[key];
    return Array.isArray(value) ? value[0] : value;
  });
  // The first page comes with the HTML; later pages and filter changes go through the list route.
  const actor = { teamId: team.id, userId: user.id };
  const [page, offers, t, favourites, collections] = await Promise.all([
    listVideos(actor, filters),
    teamVideoOffers(actor),
    getTranslations("gallery"),
    favouriteIds(actor),
    listCollections(actor),
  ]);
  // The model filter: every model of every connection, archived ones too (their videos stay).
  const models = [...new Set(offers.flatMap((offer) => offer.models.map((m) => m.id)))];
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      {/* No Suspense boundary: the cards are in the first HTML, not streamed into a hidden
          block that React reveals later, so the first poster paints as soon as it arrives
          (it was the LCP element, painted ~0.6 s after the page; decision 130). The page is
          dynamic, so useSearchParams needs no boundary here. */}
      <GalleryView
        teamId={team.id}
        models={models}
        initial={{ filters, page }}
        library={{ favourites, collections }}
        canCollect={can(role, "collections.edit")}
      />
    </>
  );
}
