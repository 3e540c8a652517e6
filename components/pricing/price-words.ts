"use client";

import { useLocale, useTranslations } from "next-intl";
import type { PresetSpec, PriceDescription } from "@/lib/models";
import { billingLine, priceLines, type PricingT } from "./price-text";

/** The price wording of ./price-text.ts with the reader's "pricing" catalogue. */
export function usePriceWords() {
  const t = useTranslations("pricing") as unknown as PricingT;
  return {
    lines: (description: PriceDescription) => priceLines(t, description),
    billing: (description: PriceDescription) => billingLine(t, description),
  };
}

/** A preset's label in the reader's language. */
export function usePresetLabel(): (preset: Pick<PresetSpec, "label"> | undefined, fallback: string) => string {
  const locale = useLocale();
  return (preset, fallback) => (preset ? (locale.startsWith("zh") ? preset.label.zh : preset.label.en) : fallback);
}
