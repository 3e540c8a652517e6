"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { isLive, type VideoDto } from "@/lib/videos/video-dto";
import { useStatusPolling } from "./use-status-polling";

/**
 * One video kept fresh through the status route while it is live. When it settles (charged or
 * released), the server page is refreshed: player, downloads, timeline and month spend change.
 */
export function useLiveVideo(initial: VideoDto): VideoDto {
  const router = useRouter();
  const [video, setVideo] = useState(initial);
  useStatusPolling(video.teamId, isLive(video) ? [video.id] : [], (items) => {
    const fresh = items.find((v) => v.id === video.id);
    if (!fresh) return;
    setVideo(fresh);
    if (!isLive(fresh)) router.refresh();
  });
  return video;
}
