"use client";

import { useTranslations } from "next-intl";
import { durationParts } from "./duration-parts";

export function useFormatDuration(): (ms: number) => string {
  const t = useTranslations("videos.duration");
  return (ms) => {
    const p = durationParts(ms);
    if (p.unit === "days") return t("days", { d: p.d, h: p.h });
    if (p.unit === "hours") return t("hours", { h: p.h, m: p.m });
    if (p.unit === "minutes") return t("minutes", { m: p.m, s: p.s });
    return t("seconds", { s: p.s });
  };
}
