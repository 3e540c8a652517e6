"use client";

import { useTranslations } from "next-intl";
import type { VideoDto } from "@/lib/videos/video-dto";
import { useNow } from "./use-now";
import { useFormatDuration } from "./format-duration";

type ExpiryFields = Pick<VideoDto, "status" | "archiveStatus" | "providerExpiresAt" | "retainUntil">;

/**
 * Until our copy is safe, the time left on the provider's copy (the clock that can lose a
 * video); once archived, the studio's own retention, or "kept" when the team keeps everything.
 */
export function ExpiryCountdown({ video, className = "" }: { video: ExpiryFields; className?: string }) {
  const t = useTranslations("videos.expiry");
  // The provider's copy counts down by the second (it can be lost); our retention by the minute
  // until its last hour, whose text shows seconds; "kept" needs no clock at all.
  const archived = video.archiveStatus === "done";
  const retainUntil = archived && video.retainUntil ? Date.parse(video.retainUntil) : null;
  const now = useNow((current) => {
    if (!archived) return 1000;
    if (retainUntil === null) return 3_600_000;
    return retainUntil - current > 3_600_000 ? 60_000 : 1000;
  });
  const format = useFormatDuration();
  let text: string | null = null;
  let urgent = false;
  if (video.archiveStatus === "done") {
    if (!video.retainUntil) text = t("kept");
    else if (now !== null) text = t("keptFor", { time: format(Date.parse(video.retainUntil) - now) });
  } else if (video.archiveStatus === "lost") {
    text = t("lost");
    urgent = true;
  } else if (video.providerExpiresAt && now !== null) {
    const left = Date.parse(video.providerExpiresAt) - now;
    text = left > 0 ? t("providerIn", { time: format(left) }) : t("providerExpired");
    urgent = true;
  } else if (video.status === "completed") {
    text = t("saving");
  }
  if (!text) return null;
  return (
    <p
      data-testid="expiry"
      className={`text-xs ${urgent ? "text-amber-700 dark:text-amber-300" : "text-slate-500 dark:text-slate-400"} ${className}`}
    >
      {text}
    </p>
  );
}
