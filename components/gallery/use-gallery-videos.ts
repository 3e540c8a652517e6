"use client";

import { useCallback } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { isLive, type VideoDto, type VideoPage } from "@/lib/videos/video-dto";
import { fetchVideoPage, videoKeys } from "@/components/videos/video-api";
import { useStatusPolling } from "@/components/videos/use-status-polling";
import { notifyFinished } from "@/components/videos/browser-notifications";
import { sameFilters, type GalleryFilters } from "@/lib/videos/gallery-filters-url";

export type InitialGallery = { filters: GalleryFilters; page: VideoPage };

function patchPages(old: InfiniteData<VideoPage> | undefined, fresh: Map<string, VideoDto>) {
  if (!old) return old;
  return { ...old, pages: old.pages.map((page) => ({ ...page, items: page.items.map((v) => fresh.get(v.id) ?? v) })) };
}

/**
 * The team's videos for the current filters, page by page (keyset cursor), plus ONE status
 * query for the live cards among them. Fresh statuses are written into the cached pages, so a
 * card has one source of truth and polling stops once no loaded card is live.
 */
export function useGalleryVideos(teamId: string, filters: GalleryFilters, initial: InitialGallery) {
  const queryClient = useQueryClient();
  const tb = useTranslations("notifications.browser");
  const router = useRouter();
  const query = useInfiniteQuery({
    queryKey: videoKeys.list(teamId, filters),
    queryFn: ({ pageParam, signal }) => fetchVideoPage(teamId, filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: sameFilters(filters, initial.filters) ? { pages: [initial.page], pageParams: [null] } : undefined,
  });

  const videos = query.data?.pages.flatMap((p) => p.items) ?? [];
  const liveIds = videos.filter(isLive).map((v) => v.id);

  const onStatus = useCallback(
    (items: VideoDto[]) => {
      const fresh = new Map(items.map((v) => [v.id, v]));
      queryClient.setQueriesData<InfiniteData<VideoPage>>({ queryKey: videoKeys.lists(teamId) }, (old) =>
        patchPages(old, fresh),
      );
      // The person's own videos that just finished or failed, when they turned this on.
      notifyFinished(items, { completed: tb("completed"), failed: tb("failed") }, (id) =>
        router.push(`/t/${teamId}/gallery/${id}`),
      );
      // "In progress" should not keep showing videos that just finished.
      if (filters.status === "active" && items.some((v) => !isLive(v)))
        void queryClient.invalidateQueries({ queryKey: videoKeys.lists(teamId) });
    },
    [queryClient, teamId, filters.status, tb, router],
  );
  useStatusPolling(teamId, liveIds, onStatus);

  return { query, videos };
}
