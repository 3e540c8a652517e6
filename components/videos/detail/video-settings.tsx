import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { VideoDto } from "@/lib/videos/video-dto";

/** Every setting of the video, as a description list. */
export async function VideoSettings({
  video,
  referenceImageUrl,
}: {
  video: VideoDto;
  referenceImageUrl: string | null;
}) {
  const t = await getTranslations("videoDetail");
  const tv = await getTranslations("videos");
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const rows: [string, ReactNode][] = [
    [t("model"), video.model],
    [t("connection"), video.connectionName ?? t("connectionUnknown")],
    [t("size"), video.size],
    [t("seconds"), tv("seconds", { seconds: video.seconds })],
    [t("createdBy"), video.mine ? `${video.createdBy.name} (${tv("you")})` : video.createdBy.name],
    ...(video.apiTokenName ? [[t("apiToken"), video.apiTokenName] as [string, ReactNode]] : []),
    [
      t("createdAt"),
      <time key="c" dateTime={video.createdAt}>
        {when(video.createdAt)}
      </time>,
    ],
  ];
  if (video.completedAt)
    rows.push([
      t("completedAt"),
      <time key="d" dateTime={video.completedAt}>
        {when(video.completedAt)}
      </time>,
    ]);
  if (video.remixOfTaskId) {
    rows.push([
      t("remixOf"),
      <Link
        key="r"
        className="text-brand-600 underline dark:text-brand-100"
        href={`/t/${video.teamId}/gallery/${video.remixOfTaskId}`}
      >
        {t("remixSource")}
      </Link>,
    ]);
  }
  if (referenceImageUrl) {
    rows.push([
      t("reference"),
      <a
        key="i"
        className="text-brand-600 underline dark:text-brand-100"
        href={referenceImageUrl}
        target="_blank"
        rel="noreferrer"
      >
        {t("reference")}
      </a>,
    ]);
  }
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
      <dt className="col-span-2 text-slate-500 dark:text-slate-400">{t("prompt")}</dt>
      <dd
        data-testid="detail-prompt"
        className="col-span-2 rounded-lg bg-slate-50 p-3 break-words whitespace-pre-wrap dark:bg-slate-950"
      >
        {video.prompt}
      </dd>
    </dl>
  );
}
