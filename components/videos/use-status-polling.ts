"use client";

import { useEffect, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { isLive, type VideoDto } from "@/lib/videos/video-dto";
import { fetchVideoStatus, videoKeys } from "./video-api";
import { useTaskPush } from "./task-push";

/**
 * While the page's push stream is open, a safety re-read this often (a message lost between
 * instances would otherwise leave a card stale until the next one).
 */
const PUSHED_SAFETY_MS = 30_000;

/**
 * ONE request per refresh for all live videos on the page (the route polls the provider only for
 * tasks that are due). With the push stream open (components/videos/task-push.tsx) the request is
 * made when a message names one of these videos, on every (re)connect, and every 30 s for safety;
 * without it, on the interval the route suggests. Polling stops by itself: the interval is false
 * once nothing is live, and the query is off when there are no live ids. Fresh items go to
 * `onItems`, which writes them wherever the page keeps its videos, so there is one source of truth
 * per page.
 */
export function useStatusPolling(teamId: string, liveIds: string[], onItems: (items: VideoDto[]) => void) {
  const ids = [...new Set(liveIds)].sort();
  const key = ids.join(",");
  const push = useTaskPush();
  const onItemsRef = useRef(onItems);
  useEffect(() => {
    onItemsRef.current = onItems;
  }, [onItems]);

  const query = useQuery({
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
    refetchInterval: (q) => {
      const data = q.state.data;
      if (!data) return 2_000;
      if (!data.items.some(isLive)) return false;
      return push.connected ? PUSHED_SAFETY_MS : Math.max(500, data.pollAfterMs);
    },
  });

  const { refetch } = query;
  useEffect(() => {
    if (!key) return;
    const watched = new Set(key.split(","));
    return push.subscribe({
      changed: (changed) => {
        if (changed.some((id) => watched.has(id))) void refetch();
      },
      resync: () => void refetch(),
    });
  }, [push, key, refetch]);

  return query;
}
