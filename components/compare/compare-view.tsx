"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { VideoDto } from "@/lib/videos/video-dto";
import { Button } from "@/components/ui/button";
import { VideoStatusBadge } from "@/components/videos/video-status-badge";
import { VideoCost } from "@/components/videos/video-cost";
import { useSyncedVideos } from "./use-synced-videos";

function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

const GRID: Record<number, string> = {
  2: "sm:grid-cols-2",
  3: "sm:grid-cols-2 lg:grid-cols-3",
  4: "sm:grid-cols-2",
};

/** Two to four videos side by side: one control bar plays, pauses and seeks them all, in step. */
export function CompareView({ videos }: { videos: VideoDto[] }) {
  const t = useTranslations("compare");
  const sync = useSyncedVideos(videos.length);
  const playable = videos.filter((v) => v.media.video).length;
  return (
    <div className="flex flex-col gap-4">
      <div
        role="group"
        aria-label={t("controls")}
        className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-2xl border border-slate-200 bg-white/95 p-3 shadow-sm backdrop-blur dark:border-slate-800 dark:bg-slate-900/95"
      >
        <Button
          type="button"
          onClick={() => (sync.playing ? sync.pause() : void sync.play())}
          disabled={playable === 0}
          className="min-w-28"
        >
          {sync.playing ? t("pause") : t("play")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => sync.seek(0)} disabled={playable === 0}>
          {t("restart")}
        </Button>
        <label className="flex min-w-48 flex-1 items-center gap-3 text-sm">
          <span className="sr-only">{t("seek")}</span>
          <input
            type="range"
            min={0}
            max={sync.duration || 0}
            step={0.05}
            value={Math.min(sync.time, sync.duration || 0)}
            onChange={(event) => sync.seek(Number(event.target.value))}
            disabled={playable === 0}
            className="h-2 flex-1 accent-brand-600"
            data-testid="compare-seek"
          />
        </label>
        <span className="text-sm text-slate-600 tabular-nums dark:text-slate-300" data-testid="compare-time">
          {t("time", { current: clock(sync.time), total: clock(sync.duration) })}
        </span>
      </div>
      {playable < videos.length ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("waiting")}</p> : null}
      <ul className={`grid gap-4 ${GRID[videos.length] ?? "sm:grid-cols-2"}`}>
        {videos.map((video, index) => (
          <CompareItem
            key={video.id}
            video={video}
            index={index}
            register={sync.register(index)}
            onMetadata={sync.onMetadata}
          />
        ))}
      </ul>
    </div>
  );
}

function CompareItem({
  video,
  index,
  register,
  onMetadata,
}: {
  video: VideoDto;
  index: number;
  register: (element: HTMLVideoElement | null) => void;
  onMetadata: () => void;
}) {
  const t = useTranslations("compare");
  const tv = useTranslations("videos");
  const [width = 16, height = 9] = video.size.split("x").map(Number);
  // Portrait takes are shown tall (bounded by the screen), landscape ones fill the column.
  const portrait = height > width;
  return (
    <li
      data-testid="compare-item"
      className="flex min-w-0 flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div
        className={`flex items-center justify-center overflow-hidden rounded-xl bg-slate-900 ${portrait ? "h-[min(60vh,32rem)]" : "aspect-video"}`}
      >
        {video.media.video ? (
          <video
            ref={register}
            src={video.media.video}
            poster={video.media.thumbnail ?? undefined}
            muted
            playsInline
            preload="auto"
            width={width}
            height={height}
            onLoadedMetadata={onMetadata}
            aria-label={t("player", { index: index + 1, prompt: video.prompt })}
            className={portrait ? "h-full w-auto max-w-full" : "h-full w-full object-contain"}
          />
        ) : (
          <p className="p-4 text-center text-sm text-slate-300">{t("notReady")}</p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-semibold text-slate-500 tabular-nums dark:text-slate-400">#{index + 1}</span>
        <VideoStatusBadge video={video} />
      </div>
      <p className="line-clamp-3 text-sm break-words" title={video.prompt}>
        {video.prompt}
      </p>
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-500 dark:text-slate-400">{t("settings")}</dt>
        <dd>{tv("settingsLine", { model: video.model, size: video.size, seconds: video.seconds })}</dd>
        <dt className="text-slate-500 dark:text-slate-400">{t("connection")}</dt>
        <dd className="break-words">{video.connectionName ?? "—"}</dd>
        <dt className="text-slate-500 dark:text-slate-400">{t("cost")}</dt>
        <dd data-testid="compare-cost" className="tabular-nums">
          <VideoCost video={video} />
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">{t("createdBy")}</dt>
        <dd className="break-words">{video.createdBy.name}</dd>
      </dl>
      <Link
        href={`/t/${video.teamId}/gallery/${video.id}`}
        className="self-start text-sm font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-100"
      >
        {t("open")}
      </Link>
    </li>
  );
}
