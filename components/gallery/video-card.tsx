"use client";

import Link from "next/link";
import { memo } from "react";
import { useTranslations } from "next-intl";
import { isLive, type VideoDto } from "@/lib/videos/video-dto";
import { VideoThumbnail, type ThumbnailLoading } from "@/components/videos/video-thumbnail";
import { VideoStatusBadge } from "@/components/videos/video-status-badge";
import { VideoProgress } from "@/components/videos/video-progress";
import { VideoCost } from "@/components/videos/video-cost";
import { ExpiryCountdown } from "@/components/videos/expiry-countdown";
import { FailureReason } from "@/components/videos/provider-error-text";
import { RelativeTime } from "./relative-time";
import { FavouriteButton } from "./favourite-button";
import { SlowMark } from "@/components/stuck/slow-mark";

type Props = {
  video: VideoDto;
  loading?: ThumbnailLoading;
  /** The checkbox: shown when `onSelect` is given; `range` when shift was held. */
  selected?: boolean;
  onSelect?: (id: string, range: boolean) => void;
  /** The star: shown when `onFavourite` is given. */
  favourite?: boolean;
  onFavourite?: (id: string) => void;
};

/**
 * Memoised, with flat props and id-taking callbacks the gallery keeps stable: when the gallery
 * re-renders (the live stream connects, a notice, one card's checkbox), the other cards are
 * skipped instead of rendered again, 24 at a time (decision 130).
 */
export const VideoCard = memo(function VideoCard({
  video,
  loading,
  selected,
  onSelect,
  favourite,
  onFavourite,
}: Props) {
  const t = useTranslations("videos");
  const tl = useTranslations("library");
  const href = `/t/${video.teamId}/gallery/${video.id}`;
  const titleId = `video-${video.id}-title`;
  return (
    <article
      aria-labelledby={titleId}
      data-testid="video-card"
      data-video-id={video.id}
      data-selected={selected || undefined}
      className={`relative flex w-full min-w-0 flex-col overflow-hidden rounded-2xl border bg-white shadow-sm transition focus-within:ring-2 focus-within:ring-brand-500 hover:shadow-md dark:bg-slate-900 ${
        selected
          ? "border-brand-500 ring-2 ring-brand-500 dark:border-brand-500"
          : "border-slate-200 dark:border-slate-800"
      }`}
    >
      {/* The picture repeats the title link; one tab stop per card is enough. */}
      {/* No prefetch: a card opens one video of many; prefetching every card on screen (two
          requests each) spent the phone's network and main thread while the gallery loaded. */}
      <Link href={href} prefetch={false} tabIndex={-1} aria-hidden>
        <VideoThumbnail video={video} loading={loading} />
      </Link>
      {onSelect ? (
        <label className="absolute top-2 left-2 flex h-9 w-9 cursor-pointer items-center justify-center rounded-lg bg-white/90 shadow-sm dark:bg-slate-900/90">
          <input
            type="checkbox"
            checked={Boolean(selected)}
            onChange={(e) => onSelect(video.id, "shiftKey" in e.nativeEvent && Boolean(e.nativeEvent.shiftKey))}
            aria-label={tl("selection.select", { prompt: video.prompt.slice(0, 80) })}
            data-testid="select-video"
            className="h-5 w-5 cursor-pointer accent-brand-600"
          />
        </label>
      ) : null}
      {onFavourite ? (
        <FavouriteButton
          on={Boolean(favourite)}
          onToggle={() => onFavourite(video.id)}
          className="absolute top-2 right-2 shadow-sm"
        />
      ) : null}
      {/* Two cards a row on a phone leave about 170 px: everything here wraps rather than overflows. */}
      <div className="flex min-w-0 flex-1 flex-col gap-2 p-3 wrap-break-word">
        <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1 text-sm">
          <VideoStatusBadge video={video} />
          <span className="text-slate-700 tabular-nums dark:text-slate-300">
            <span className="sr-only">{t("cost.label")}: </span>
            <VideoCost video={video} />
          </span>
        </div>
        <h2 id={titleId} className="line-clamp-2 text-sm font-medium">
          <Link href={href} prefetch={false} className="outline-none hover:underline focus-visible:underline">
            {video.prompt}
          </Link>
        </h2>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {t("settingsLine", { model: video.model, size: video.size, seconds: video.seconds })}
        </p>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {t("by", { name: video.mine ? t("you") : video.createdBy.name })} · <RelativeTime iso={video.createdAt} />
        </p>
        {video.apiTokenName ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">{t("viaApi", { name: video.apiTokenName })}</p>
        ) : null}
        {isLive(video) ? <VideoProgress progress={video.progress} /> : null}
        <SlowMark video={video} />
        {video.status === "failed" ? (
          <FailureReason code={video.errorCode} message={video.errorMessage} className="line-clamp-3 text-xs" />
        ) : null}
        <ExpiryCountdown video={video} className="mt-auto" />
      </div>
    </article>
  );
});
