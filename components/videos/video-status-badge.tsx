"use client";

import { useTranslations } from "next-intl";
import type { VideoDto } from "@/lib/videos/video-dto";

const KNOWN = [
  "submitting",
  "submit_unknown",
  "queued",
  "in_progress",
  "completed",
  "failed",
  "expired",
  "canceled",
] as const;
type Known = (typeof KNOWN)[number];

const TONES: Record<Known | "archiving", string> = {
  submitting: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  submit_unknown: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  queued: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  in_progress: "bg-brand-100 text-brand-700 dark:bg-slate-800 dark:text-brand-100",
  archiving: "bg-brand-100 text-brand-700 dark:bg-slate-800 dark:text-brand-100",
  completed: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  expired: "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  canceled: "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
};

/** What the person should read as the state: a completed job whose copy is still being saved is not done yet. */
export function displayStatus(video: Pick<VideoDto, "status" | "archiveStatus">): Known | "archiving" | null {
  if (video.status === "completed" && video.archiveStatus === "pending") return "archiving";
  const status = video.status === "cancelled" ? "canceled" : video.status;
  return (KNOWN as readonly string[]).includes(status) ? (status as Known) : null;
}

export function VideoStatusBadge({ video }: { video: Pick<VideoDto, "status" | "archiveStatus"> }) {
  const t = useTranslations("videos.status");
  const shown = displayStatus(video);
  return (
    <span
      data-status={video.status}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${shown ? TONES[shown] : TONES.queued}`}
    >
      {shown ? t(shown) : t("other", { status: video.status })}
    </span>
  );
}
