"use client";

import { useFormatter } from "next-intl";
import { useNow } from "@/components/videos/use-now";

/** "3 minutes ago", live; the absolute date until the browser's clock takes over (no hydration mismatch). */
export function RelativeTime({ iso }: { iso: string }) {
  const format = useFormatter();
  const date = new Date(iso);
  // Seconds matter for the first minute ("12 seconds ago"), minutes after that.
  const now = useNow((current) => (current - date.getTime() < 60_000 ? 1000 : 60_000));
  const absolute = format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <time dateTime={iso} title={absolute}>
      {now === null ? absolute : format.relativeTime(date, now)}
    </time>
  );
}
