"use client";

import { useFormatter, useTranslations } from "next-intl";
import { controlClass } from "@/components/ui/control-class";

type Props = { value: string; onChange: (value: string) => void; max: number; error?: string };

/** The prompt with a live count against the model's limit; over the limit it says so before any submit. */
export function PromptField({ value, onChange, max, error }: Props) {
  const t = useTranslations("generate");
  // next-intl formats with the page's locale on server and browser alike (no hydration mismatch).
  const format = useFormatter();
  const count = value.trim().length;
  const over = count > max;
  const shownError = error ?? (over ? t("errors.promptTooLong", { max }) : undefined);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="prompt" className="text-sm font-medium text-slate-800 dark:text-slate-200">
        {t("prompt")}
      </label>
      <textarea
        id="prompt"
        name="prompt"
        rows={6}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t("promptPlaceholder")}
        aria-invalid={shownError ? true : undefined}
        aria-describedby="prompt-hint prompt-count prompt-error"
        className={`min-h-32 resize-y ${controlClass(Boolean(shownError))}`}
      />
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 text-xs">
        <p id="prompt-hint" className="text-slate-500 dark:text-slate-400">
          {t("promptHint")}
        </p>
        <p
          id="prompt-count"
          data-testid="prompt-count"
          className={`tabular-nums ${over ? "font-medium text-red-600 dark:text-red-400" : "text-slate-500 dark:text-slate-400"}`}
        >
          {t("promptCount", { count: format.number(count), max: format.number(max) })}
        </p>
      </div>
      <p id="prompt-error" className="text-xs font-medium text-red-600 dark:text-red-400">
        {shownError ?? ""}
      </p>
    </div>
  );
}
