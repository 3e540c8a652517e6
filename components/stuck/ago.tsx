"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useFormatDuration } from "@/components/videos/format-duration";
import { useNow } from "@/components/videos/use-now";

/** "1 min 30 s ago", every second; the absolute time until the browser's clock takes over. */
export function Ago({ iso }: { iso: string }) {
  const t = useTranslations("stuck");
  const format = useFormatter();
  const duration = useFormatDuration();
  const now = useNow(1000);
  const at = new Date(iso);
  const absolute = format.dateTime(at, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <time dateTime={iso} title={absolute}>
      {now === null ? absolute : t("ago", { duration: duration(Math.max(0, now - at.getTime())) })}
    </time>
  );
}
