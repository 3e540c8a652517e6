"use client";

import { useTranslations } from "next-intl";
import { formatUsd } from "@/lib/money/format";
import type { VideoDto } from "@/lib/videos/video-dto";

type CostFields = Pick<VideoDto, "status" | "estimateCents" | "costCents">;

export function costKind(video: CostFields): "failed" | "actual" | "estimate" {
  if (video.costCents === 0 || video.status === "failed") return "failed";
  return video.costCents !== null ? "actual" : "estimate";
}

/** Estimate while running (marked), the charge once done, $0.00 when it failed. */
export function VideoCost({ video }: { video: CostFields }) {
  const t = useTranslations("videos.cost");
  const kind = costKind(video);
  if (kind === "failed") return <span data-cost="failed">{t("failed", { amount: formatUsd(0) })}</span>;
  if (kind === "actual") return <span data-cost="actual">{formatUsd(video.costCents ?? 0)}</span>;
  return <span data-cost="estimate">{t("estimate", { amount: formatUsd(video.estimateCents) })}</span>;
}
