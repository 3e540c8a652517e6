"use client";

import { useTranslations } from "next-intl";
import type { VideoDto } from "@/lib/videos/video-dto";

/** The gallery card's small "taking longer than usual" mark (VideoDto.slow, live through the status route). */
export function SlowMark({ video }: { video: Pick<VideoDto, "slow"> }) {
  const t = useTranslations("stuck");
  if (!video.slow) return null;
  return (
    <p
      data-testid="slow-mark"
      className="inline-flex w-fit items-center gap-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      <svg
        aria-hidden
        viewBox="0 0 16 16"
        className="h-3 w-3 shrink-0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      >
        <circle cx="8" cy="8" r="6.2" />
        <path d="M8 4.5V8l2.5 1.5" strokeLinecap="round" />
      </svg>
      {t("mark")}
    </p>
  );
}
