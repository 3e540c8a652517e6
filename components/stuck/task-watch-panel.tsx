"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { TaskWatch } from "@/lib/videos/stuck-jobs";
import { useFormatDuration } from "@/components/videos/format-duration";
import { useNow } from "@/components/videos/use-now";
import { CheckNowButton } from "./check-now-button";
import { WatchDetails } from "./watch-details";

/**
 * On a video's timeline while the engine still asks the provider about it: the "taking longer
 * than usual" flag, the last poll, the provider's last answer and "Check now".
 */
export function TaskWatchPanel({ teamId, initial }: { teamId: string; initial: TaskWatch }) {
  const t = useTranslations("stuck");
  const [watch, setWatch] = useState(initial);
  const duration = useFormatDuration();
  const now = useNow(1000);
  const stillMs = (now ?? Date.parse(watch.lastPolledAt ?? watch.stillSince)) - Date.parse(watch.stillSince);
  const failed = watch.status === "failed";
  return (
    <section
      data-testid="task-watch"
      aria-labelledby="task-watch-title"
      className={
        "mb-4 flex flex-col gap-2 rounded-lg border p-3 " +
        (watch.slow
          ? "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/60"
          : "border-slate-200 dark:border-slate-800")
      }
    >
      <h3 id="task-watch-title" className="text-sm font-semibold">
        {watch.slow ? t("mark") : t("watch.title")}
      </h3>
      {watch.slow ? (
        <p data-testid="slow-flag" className="text-sm text-amber-900 dark:text-amber-200">
          {t("watch.slow", {
            still: duration(Math.max(0, stillMs)),
            model: watch.model,
            usual: duration(watch.usualSeconds * 1000),
          })}
        </p>
      ) : null}
      {failed && watch.active ? (
        <p className="text-xs text-slate-600 dark:text-slate-300">{t("watch.watched")}</p>
      ) : null}
      <WatchDetails watch={watch} />
      {watch.active ? <CheckNowButton teamId={teamId} taskId={watch.taskId} onWatch={setWatch} /> : null}
    </section>
  );
}
