"use client";

import { useEffect, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { isLive, type VideoDto } from "@/lib/videos/video-dto";
import { fetchVideoStatus, videoKeys } from "./video-api";

/**
 * ONE request per refresh for all live videos on the page (the route polls the provider only for
 * tasks that are due). Polling stops by itself: the interval is false once nothing is live, and
 * the query is off when there are no live ids. Fresh items go to `onItems`, which writes them
 * wherever the page keeps its videos, so there is one source of truth per page.
 */
export function useStatusPolling(teamId: string, liveIds: string[], onItems: (items: VideoDto[]) => void) {
  const ids = [...new Set(liveIds)].sort();
  const onItemsRef = useRef(onItems);
  useEffect(() => {
    onItemsRef.current = onItems;
  }, [onItems]);

  return useQuery({
    queryKey: videoKeys.status(teamId, ids),
    queryFn: async ({ signal }) => {
      const answer = await fetchVideoStatus(teamId, ids, signal);
      onItemsRef.current(answer.items);
      return answer;
    },
    enabled: ids.length > 0,
    staleTime: 0,
    gcTime: 0,
    retry: 2,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data) return 2_000;
      return data.items.some(isLive) ? Math.max(500, data.pollAfterMs) : false;
    },
  });
}
