"use client";

import { useTranslations } from "next-intl";

/** A preset's notice from the registry (`noticeKey`, e.g. OpenAI's shutdown), when the catalogue has it. */
export function PresetNotice({ noticeKey }: { noticeKey: string | undefined }) {
  const t = useTranslations();
  if (!noticeKey || !t.has(noticeKey as never)) return null;
  return (
    <p
      role="note"
      className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      {t(noticeKey as never)}
    </p>
  );
}
