"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { isLive, type VideoDto } from "@/lib/videos/video-dto";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { useLiveVideo } from "@/components/videos/use-live-video";
import { VideoStatusBadge } from "@/components/videos/video-status-badge";
import { VideoProgress } from "@/components/videos/video-progress";
import { VideoCost } from "@/components/videos/video-cost";
import { ExpiryCountdown } from "@/components/videos/expiry-countdown";
import { FailureReason } from "@/components/videos/provider-error-text";
import { VideoThumbnail } from "@/components/videos/video-thumbnail";

/**
 * After a submit the person stays on the form (to tweak and submit again) and watches the new
 * video here, live, through the same status route the gallery uses. Keyed by task id by its parent.
 */
export function LatestVideoPanel({ initial }: { initial: VideoDto }) {
  const t = useTranslations("generate.latest");
  const tv = useTranslations("videos");
  const video = useLiveVideo(initial);
  const href = `/t/${video.teamId}/gallery/${video.id}`;
  return (
    <Card className="mt-6">
      <section
        aria-labelledby="latest-title"
        data-testid="latest-video"
        className="grid gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]"
      >
        <div className="overflow-hidden rounded-lg">
          <VideoThumbnail video={video} />
        </div>
        <div className="flex min-w-0 flex-col gap-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="latest-title" className="text-base font-semibold">
              {t("title")}
            </h2>
            <VideoStatusBadge video={video} />
          </div>
          <p className="line-clamp-2 text-sm text-slate-700 dark:text-slate-300">{video.prompt}</p>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {tv("settingsLine", { model: video.model, size: video.size, seconds: video.seconds })} ·{" "}
            <VideoCost video={video} />
          </p>
          {isLive(video) ? <VideoProgress progress={video.progress} /> : null}
          {video.status === "failed" ? <FailureReason code={video.errorCode} message={video.errorMessage} /> : null}
          <ExpiryCountdown video={video} />
          <div className="mt-1 flex flex-wrap gap-2">
            <Link href={href} className={buttonClass("primary")}>
              {t("open")}
            </Link>
            <Link href={`/t/${video.teamId}/gallery`} className={buttonClass("ghost")}>
              {t("gallery")}
            </Link>
          </div>
        </div>
      </section>
    </Card>
  );
}
