"use client";

import { useTranslations } from "next-intl";

/** A labelled progressbar: screen readers hear "Progress, 40%"; sighted people see the bar and the number. */
export function VideoProgress({ progress, className = "" }: { progress: number; className?: string }) {
  const t = useTranslations("videos");
  const value = Math.max(0, Math.min(100, Math.round(progress)));
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={t("progress", { progress: value })}
        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div
          className="h-full rounded-full bg-brand-600 transition-[width] duration-500"
          style={{ width: `${value}%` }}
        />
      </div>
      <span className="w-10 text-right text-xs text-slate-600 tabular-nums dark:text-slate-400">{value}%</span>
    </div>
  );
}
