import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/teams/permissions";
import { requireTeam } from "@/lib/auth/require-team";
import { getVideoDetail } from "@/lib/videos/list-videos";
import { formatUsd } from "@/lib/money/format";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LiveVideoStatus } from "@/components/videos/detail/live-video-status";
import { VideoSettings } from "@/components/videos/detail/video-settings";
import { VideoTimeline } from "@/components/videos/detail/video-timeline";
import { RemixForm } from "@/components/videos/detail/remix-form";
import { DeleteVideoButton } from "@/components/videos/detail/delete-video-button";
import { downloadFileName } from "@/lib/videos/download-file-name";
import { VideoLibraryPanel } from "@/components/gallery/video-library-panel";
import { videoLineage } from "@/lib/videos/lineage";
import { LineagePanel } from "@/components/videos/detail/lineage-panel";
import { RetryForm } from "@/components/videos/detail/retry-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("videoDetail"))("title") };
}

type Params = { teamId: string; taskId: string };

export default async function Page({ params }: { params: Promise<Params> }) {
  const { teamId, taskId } = await params;
  const { user, team, role } = await requireTeam(teamId);
  const detail = await getVideoDetail({ teamId: team.id, userId: user.id }, taskId);
  if (!detail) notFound();
  const { video, events, referenceImageUrl } = detail;
  const lineage = await videoLineage({ teamId: team.id, userId: user.id }, video.id);
  const t = await getTranslations("videoDetail");
  const [width, height] = video.size.split("x").map(Number);
  const again = new URLSearchParams({
    ...(video.connectionId ? { connection: video.connectionId } : {}),
    model: video.model,
    size: video.size,
    seconds: String(video.seconds),
    prompt: video.prompt,
    from: video.id,
  });

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <div>
        <Link
          href={`/t/${team.id}/gallery`}
          className="text-sm text-brand-600 underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 dark:text-brand-100"
        >
          ← {t("back")}
        </Link>
        <h1 className="mt-2 line-clamp-2 text-2xl font-semibold tracking-tight" title={video.prompt}>
          {video.prompt}
        </h1>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <div className="flex items-center justify-center overflow-hidden rounded-2xl bg-slate-900">
            {video.media.video ? (
              <video
                controls
                playsInline
                preload="metadata"
                src={video.media.video}
                poster={video.media.thumbnail ?? undefined}
                width={width}
                height={height}
                aria-label={t("player")}
                className="max-h-[70vh] w-auto max-w-full"
              />
            ) : (
              <p className="flex aspect-video w-full items-center justify-center p-6 text-center text-sm text-slate-300">
                {video.archiveStatus === "lost"
                  ? t("lost")
                  : video.status === "failed"
                    ? t("noVideoFailed")
                    : t("notReady")}
              </p>
            )}
          </div>
          {video.media.video ? (
            <section aria-labelledby="downloads-title" className="flex flex-wrap items-center gap-2">
              <h2 id="downloads-title" className="sr-only">
                {t("downloads")}
              </h2>
              <a
                href={`${video.media.video}?download=1`}
                download={downloadFileName(video, "video")}
                className={buttonClass("primary")}
              >
                {t("downloadVideo")}
              </a>
              {video.media.thumbnail ? (
                <a
                  href={`${video.media.thumbnail}?download=1`}
                  download={downloadFileName(video, "thumbnail")}
                  className={buttonClass("secondary")}
                >
                  {t("downloadThumbnail")}
                </a>
              ) : null}
            </section>
          ) : null}
          <Card>
            <h2 className="mb-3 text-base font-semibold">{t("timeline")}</h2>
            <VideoTimeline events={events} task={{ teamId: team.id, userId: user.id, taskId: video.id }} />
          </Card>
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <Card className="flex flex-col gap-4">
            <LiveVideoStatus key={`${video.status}-${video.archiveStatus}`} initial={video} />
            <h2 className="text-base font-semibold">{t("settings")}</h2>
            <VideoSettings video={video} referenceImageUrl={referenceImageUrl} />
            <div className="flex flex-wrap gap-2">
              {can(role, "videos.create") ? (
                <Link href={`/t/${team.id}/generate?${again}`} className={buttonClass("secondary")}>
                  {t("useAgain")}
                </Link>
              ) : null}
              {video.canDelete ? <DeleteVideoButton teamId={team.id} taskId={video.id} /> : null}
            </div>
          </Card>
          {video.status === "failed" && can(role, "videos.create") ? (
            <Card className="flex flex-col gap-2">
              <h2 className="text-base font-semibold">{(await getTranslations("retry"))("title")}</h2>
              <RetryForm
                teamId={team.id}
                taskId={video.id}
                idempotencyKey={randomUUID()}
                price={formatUsd(video.estimateCents)}
                retried={lineage?.children.filter((c) => c.kind === "retry").length ?? 0}
              />
            </Card>
          ) : null}
          {lineage ? <LineagePanel video={video} lineage={lineage} /> : null}
          <VideoLibraryPanel actor={{ teamId: team.id, userId: user.id }} role={role} taskId={video.id} />
          {video.canRemix ? (
            <Card className="flex flex-col gap-2">
              <h2 className="text-base font-semibold">{t("remix.title")}</h2>
              <RemixForm
                teamId={team.id}
                taskId={video.id}
                idempotencyKey={randomUUID()}
                price={formatUsd(video.estimateCents)}
              />
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
