"use client";

import { useTranslations } from "next-intl";
import { isLive, type VideoDto } from "@/lib/videos/video-dto";
import { useLiveVideo } from "@/components/videos/use-live-video";
import { VideoStatusBadge } from "@/components/videos/video-status-badge";
import { VideoProgress } from "@/components/videos/video-progress";
import { VideoCost } from "@/components/videos/video-cost";
import { ExpiryCountdown } from "@/components/videos/expiry-countdown";
import { FailureReason } from "@/components/videos/provider-error-text";

/**
 * The moving parts of the detail page. While the video is live it follows the status route;
 * once it settles, the server page is refreshed so the player, downloads and timeline appear.
 */
export function LiveVideoStatus({ initial }: { initial: VideoDto }) {
  const t = useTranslations("videoDetail");
  const tc = useTranslations("providerErrors");
  const video = useLiveVideo(initial);
  return (
    <div data-testid="video-status" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <VideoStatusBadge video={video} />
        <span className="tabular-nums">
          <span className="text-slate-500 dark:text-slate-400">{t("cost")}: </span>
          <VideoCost video={video} />
        </span>
      </div>
      {isLive(video) ? <VideoProgress progress={video.progress} /> : null}
      <ExpiryCountdown video={video} />
      {video.status === "failed" ? (
        <div
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 p-3 dark:border-red-800 dark:bg-red-950"
        >
          <h2 className="mb-1 text-sm font-semibold text-red-800 dark:text-red-200">{t("failure")}</h2>
          <FailureReason code={video.errorCode} message={video.errorMessage} />
          <p className="mt-1 text-xs text-red-700 dark:text-red-300">{tc("notCharged")}</p>
          {video.errorMessage ? (
            <p className="mt-2 font-mono text-xs text-red-700/80 dark:text-red-300/80">
              {video.errorCode ? `${video.errorCode}: ` : ""}
              {video.errorMessage}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
