"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import {
  galleryFiltersToSearch,
  hasFilters,
  parseGalleryFilters,
  type GalleryFilters,
} from "@/lib/videos/gallery-filters-url";
import { GalleryFilterBar } from "./gallery-filters";
import { BrowserNotificationsToggle } from "@/components/videos/browser-notifications-toggle";
import { useGalleryVideos, type InitialGallery } from "./use-gallery-videos";
import { VideoCard } from "./video-card";
import type { ThumbnailLoading } from "@/components/videos/video-thumbnail";
import { LoadMore } from "./load-more";
import { useLibrary } from "./use-library";
import { useSelection } from "./use-selection";
import { useZipDownload } from "./use-zip-download";
import { SelectionToolbar } from "./selection-toolbar";
import { CollectionHeader } from "./collection-header";
import { LibraryNotices, type Notice } from "./library-notices";
import { fetchSelection, type LibraryState } from "./library-api";

// The first card's poster is the likely LCP image on a phone (two columns); the first row of the
// widest grid (four columns) is on screen at once; the rest load as they scroll in.
const FIRST_SCREEN_CARDS = 4;

function thumbnailLoading(index: number): ThumbnailLoading {
  if (index === 0) return "first";
  return index < FIRST_SCREEN_CARDS ? "eager" : "lazy";
}

type Props = {
  teamId: string;
  models: string[];
  initial: InitialGallery;
  library: LibraryState;
  /** May the viewer make collections and add to them (collections.edit)? */
  canCollect: boolean;
};

export function GalleryView({ teamId, models, initial, library: initialLibrary, canCollect }: Props) {
  const t = useTranslations("gallery");
  const tl = useTranslations("library");
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = parseGalleryFilters((key) => searchParams.get(key));

  // Filters live in the URL. replaceState updates useSearchParams without a server round trip;
  // the list query fetches what the new filters need.
  const setFilters = useCallback(
    (next: GalleryFilters) => {
      const query = galleryFiltersToSearch(next).toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );

  const { query, videos } = useGalleryVideos(teamId, filters, initial);
  const filtered = hasFilters(filters);
  const library = useLibrary(teamId, initialLibrary);
  const selection = useSelection();
  const zip = useZipDownload(teamId);
  const [selectingAll, setSelectingAll] = useState(false);
  const [truncated, setTruncated] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const notices = <LibraryNotices notice={notice} zip={zip.state} />;
  const order = videos.map((v) => v.id);
  // The cards' callbacks stay the same functions from render to render (the cards are memoised);
  // they read the latest selection, order and favourites through this ref.
  const latest = useRef({ selection, library, order });
  useEffect(() => {
    latest.current = { selection, library, order };
  });
  const onSelect = useCallback((id: string, range: boolean) => {
    setNotice(null);
    latest.current.selection.toggle(id, range, latest.current.order);
  }, []);
  const onFavourite = useCallback((id: string) => {
    const { library: current } = latest.current;
    void current.setFavourite([id], !current.favourites.has(id));
  }, []);
  const currentCollection = library.collections.find((c) => c.id === filters.collection);

  async function selectAllMatching() {
    setSelectingAll(true);
    try {
      const answer = await fetchSelection(teamId, filters);
      selection.replace(answer.ids);
      setTruncated(answer.truncated ? answer.ids.length : null);
    } catch {
      setNotice({ text: tl("errors.unexpected"), error: true });
    } finally {
      setSelectingAll(false);
    }
  }

  return (
    <>
      <GalleryFilterBar filters={filters} models={models} collections={library.collections} onChange={setFilters} />
      {currentCollection ? (
        <CollectionHeader
          key={currentCollection.id}
          teamId={teamId}
          collection={currentCollection}
          onChanged={library.refresh}
          onDeleted={() => setFilters({ ...filters, collection: undefined })}
        />
      ) : null}
      <div className="mb-4 empty:hidden">
        <BrowserNotificationsToggle />
      </div>
      <p className="sr-only" aria-live="polite">
        {query.isSuccess ? t("results", { count: videos.length }) : ""}
      </p>
      {query.isError ? (
        <div className="flex flex-col items-start gap-3">
          <Alert>{t("loadError")}</Alert>
          <Button type="button" variant="secondary" onClick={() => void query.refetch()}>
            {t("retry")}
          </Button>
        </div>
      ) : query.isPending ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t("loading")}</p>
      ) : videos.length === 0 && !query.hasNextPage ? (
        <Card className="flex flex-col items-start gap-3">
          <h2 className="text-lg font-semibold">{filtered ? t("emptyFiltered") : t("empty")}</h2>
          {!filtered ? <p className="text-slate-600 dark:text-slate-400">{t("emptyLead")}</p> : null}
          <Link href={`/t/${teamId}/generate`} className={buttonClass("primary")}>
            {t("goGenerate")}
          </Link>
        </Card>
      ) : (
        <>
          {videos.length === 0 ? (
            // A short search reads the team a window at a time: nothing yet, more to read.
            <p className="text-sm text-slate-500 dark:text-slate-400" role="status">
              {t("searchingOlder")}
            </p>
          ) : null}
          <div className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <Button type="button" variant="secondary" onClick={() => void selectAllMatching()} disabled={selectingAll}>
              {selectingAll ? tl("selection.selectingAll") : tl("selection.selectAll")}
            </Button>
            <span className="hidden text-slate-500 sm:inline dark:text-slate-400">{tl("selection.hint")}</span>
            {truncated !== null && selection.selected.size > 0 ? (
              <span role="status" className="w-full text-amber-700 dark:text-amber-300">
                {tl("selection.truncated", { count: truncated })}
              </span>
            ) : null}
            {selection.selected.size === 0 ? notices : null}
          </div>
          <ul className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-3 2xl:grid-cols-4">
            {videos.map((video, index) => (
              <li key={video.id} className="flex min-w-0">
                <VideoCard
                  video={video}
                  loading={thumbnailLoading(index)}
                  selected={selection.selected.has(video.id)}
                  onSelect={onSelect}
                  favourite={library.favourites.has(video.id)}
                  onFavourite={onFavourite}
                />
              </li>
            ))}
          </ul>
          {selection.selected.size > 0 ? (
            <SelectionToolbar
              teamId={teamId}
              selected={selection.selected}
              collections={library.collections}
              canCollect={canCollect}
              zip={zip}
              onClear={selection.clear}
              onFavourite={(ids) => library.setFavourite(ids, true)}
              onReplace={selection.replace}
              onNotice={setNotice}
              notices={notices}
              onChanged={library.refresh}
            />
          ) : null}
          <iframe name={zip.frameName} title={tl("zip.button")} hidden />
          <LoadMore
            hasMore={Boolean(query.hasNextPage)}
            loading={query.isFetchingNextPage}
            onLoad={() => void query.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}
