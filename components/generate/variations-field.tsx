"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";

/** How many takes one submit makes: one video, or 2–4 variations (lib/videos/variations.ts). */
export const VARIATION_CHOICES = [1, 2, 3, 4] as const;

export function VariationsField({ value, onChange }: { value: number; onChange: (count: number) => void }) {
  const t = useTranslations("variations");
  return (
    <div className="flex flex-col gap-1">
      <SelectField
        name="variations"
        label={t("label")}
        value={String(value)}
        onChange={(event) => onChange(Number(event.target.value))}
        aria-describedby="variations-hint"
        options={VARIATION_CHOICES.map((count) => ({
          value: String(count),
          label: count === 1 ? t("one") : t("option", { count }),
        }))}
      />
      <p id="variations-hint" className="text-xs text-slate-500 dark:text-slate-400">
        {t("hint")}
      </p>
    </div>
  );
}
