"use client";

import { useTranslations } from "next-intl";
import { formatUsd } from "@/lib/money/format";
import { signedUsd } from "@/lib/spend/signed-usd";
import type { VideoDto } from "@/lib/videos/video-dto";

type CostFields = Pick<VideoDto, "status" | "estimateCents" | "costCents">;

export function costKind(video: CostFields): "failed" | "actual" | "estimate" {
  if (video.costCents === 0 || video.status === "failed") return "failed";
  return video.costCents !== null ? "actual" : "estimate";
}

/**
 * Estimate while running (marked), the charge once done, $0.00 when it failed. When the charge
 * (the provider's bill, where it reports one) differs from the estimate shown at submit, both
 * and the difference: "$0.33 (estimated $0.25, +$0.08)".
 */
export function VideoCost({ video }: { video: CostFields }) {
  const t = useTranslations("videos.cost");
  const tc = useTranslations("catalogue.cost");
  const kind = costKind(video);
  if (kind === "failed") return <span data-cost="failed">{t("failed", { amount: formatUsd(0) })}</span>;
  if (kind === "actual") {
    const charged = video.costCents ?? 0;
    const difference = charged - video.estimateCents;
    return (
      <>
        <span data-cost="actual">{formatUsd(charged)}</span>
        {difference !== 0 ? (
          <span data-cost="difference" className="ml-1 text-xs text-slate-500 dark:text-slate-400">
            {tc("versusEstimate", { estimate: formatUsd(video.estimateCents), difference: signedUsd(difference) })}
          </span>
        ) : null}
      </>
    );
  }
  return <span data-cost="estimate">{t("estimate", { amount: formatUsd(video.estimateCents) })}</span>;
}
