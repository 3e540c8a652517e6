"use client";

import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { isLive, type VideoDto } from "@/lib/videos/video-dto";
import { Card } from "@/components/ui/card";
import { useStatusPolling } from "@/components/videos/use-status-polling";
import { VideoStatusBadge } from "@/components/videos/video-status-badge";
import { VideoProgress } from "@/components/videos/video-progress";
import { VideoCost } from "@/components/videos/video-cost";
import { ExpiryCountdown } from "@/components/videos/expiry-countdown";
import { FailureReason } from "@/components/videos/provider-error-text";
import { VideoThumbnail } from "@/components/videos/video-thumbnail";
import { RECENT_COUNT } from "./recent-count";

type Props = {
  teamId: string;
  /** The person's newest videos, read by the page. */
  initial: VideoDto[];
  /** What this form has just submitted (one video or a set of variations), newest first. */
  submitted: VideoDto[];
};

/** A fresher copy from the status route wins, unless the page has since read a settled one. */
function pick(server: VideoDto, fresh: VideoDto | undefined): VideoDto {
  if (!fresh) return server;
  return !isLive(server) && isLive(fresh) ? server : fresh;
}

/**
 * The person's recent videos beside the Generate form, kept live through the same status route
 * the gallery polls (one request for all live ones). A video settling refreshes the page (spend,
 * reservations). The set just submitted is marked; the first of it carries "latest-video".
 */
export function RecentVideos({ teamId, initial, submitted }: Props) {
  const t = useTranslations("recent");
  const router = useRouter();
  const [fresh, setFresh] = useState<Record<string, VideoDto>>({});
  const justSubmitted = new Set(submitted.map((v) => v.id));
  const seen = new Set<string>();
  const videos = [...submitted, ...initial]
    .filter((v) => (seen.has(v.id) ? false : (seen.add(v.id), true)))
    .map((v) => pick(initial.find((i) => i.id === v.id) ?? v, fresh[v.id]))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? 1 : -1))
    .slice(0, Math.max(RECENT_COUNT, submitted.length));

  useStatusPolling(
    teamId,
    videos.filter(isLive).map((v) => v.id),
    (items) => {
      const settled = items.some((item) => !isLive(item) && videos.some((v) => v.id === item.id && isLive(v)));
      setFresh((prev) => ({ ...prev, ...Object.fromEntries(items.map((item) => [item.id, item])) }));
      if (settled) router.refresh();
    },
  );

  return (
    <Card className="flex min-w-0 flex-col gap-3">
      <section aria-labelledby="recent-title" data-testid="recent-videos" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="recent-title" className="text-base font-semibold">
            {t("title")}
          </h2>
          <Link
            href={`/t/${teamId}/gallery?mine=1`}
            className="text-sm text-brand-600 underline-offset-2 hover:underline dark:text-brand-100"
          >
            {t("all")}
          </Link>
        </div>
        {videos.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200 dark:divide-slate-800">
            {videos.map((video) => (
              <RecentVideo
                key={video.id}
                video={video}
                latest={video.id === submitted[0]?.id}
                fresh={justSubmitted.has(video.id)}
              />
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}

function RecentVideo({ video, latest, fresh }: { video: VideoDto; latest: boolean; fresh: boolean }) {
  const t = useTranslations("recent");
  const tv = useTranslations("videos");
  const href = `/t/${video.teamId}/gallery/${video.id}`;
  return (
    <li
      data-testid={latest ? "latest-video" : "recent-video"}
      data-video-id={video.id}
      className="flex gap-3 py-3 first:pt-0 last:pb-0"
    >
      <Link
        href={href}
        prefetch={false}
        tabIndex={-1}
        aria-hidden
        className="w-20 shrink-0 self-start overflow-hidden rounded-md"
      >
        <VideoThumbnail video={video} />
      </Link>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-1.5">
          <VideoStatusBadge video={video} />
          {fresh ? (
            <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 dark:bg-slate-800 dark:text-brand-100">
              {t("justSubmitted")}
            </span>
          ) : null}
        </div>
        <p className="line-clamp-2 text-sm break-words text-slate-800 dark:text-slate-200">{video.prompt}</p>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {tv("settingsLine", { model: video.model, size: video.size, seconds: video.seconds })} ·{" "}
          <VideoCost video={video} />
        </p>
        {isLive(video) ? <VideoProgress progress={video.progress} /> : null}
        {video.status === "failed" ? <FailureReason code={video.errorCode} message={video.errorMessage} /> : null}
        <ExpiryCountdown video={video} className="text-xs" />
        <Link
          href={href}
          prefetch={false}
          className="self-start text-sm font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-100"
        >
          {t("open")}
        </Link>
      </div>
    </li>
  );
}
