"use client";

import { useTranslations } from "next-intl";
import type { ProviderAnswer } from "@/lib/videos/provider-answer";
import type { TaskWatch } from "@/lib/videos/stuck-jobs";
import { Ago } from "./ago";

/** The provider's last answer in words: "in_progress, 50%", or why asking failed. */
export function AnswerText({ answer }: { answer: ProviderAnswer | null }) {
  const t = useTranslations("stuck.watch");
  if (!answer) return <>{t("noAnswer")}</>;
  if (answer.status === null && answer.error) {
    const code = answer.httpStatus
      ? `${t("answerHttp", { status: answer.httpStatus })} ${answer.error.code}`
      : answer.error.code;
    return <>{t("answerError", { code, message: answer.error.message })}</>;
  }
  const status = t("answerStatus", { status: answer.status ?? "?", progress: answer.progress ?? 0 });
  return (
    <>
      {status}
      {answer.error ? ` · ${t("jobError", { code: answer.error.code, message: answer.error.message })}` : ""}
    </>
  );
}

/** Last poll (live "12 seconds ago") and the provider's last answer, as a small definition list. */
export function WatchDetails({ watch }: { watch: TaskWatch }) {
  const t = useTranslations("stuck");
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
      <dt className="text-slate-500 dark:text-slate-400">{t("watch.lastPoll")}</dt>
      <dd data-testid="last-poll">{watch.lastPolledAt ? <Ago iso={watch.lastPolledAt} /> : t("never")}</dd>
      <dt className="text-slate-500 dark:text-slate-400">{t("watch.answer")}</dt>
      <dd data-testid="provider-answer" className="break-words">
        <AnswerText answer={watch.lastAnswer} />
      </dd>
    </dl>
  );
}
