"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { formatUsd } from "@/lib/money/format";
import type { StuckJob } from "@/lib/videos/stuck-jobs";
import { useFormatDuration } from "@/components/videos/format-duration";
import { useNow } from "@/components/videos/use-now";
import { CheckNowButton } from "./check-now-button";
import { GiveUpButton } from "./give-up-button";
import { Ago } from "./ago";
import { AnswerText } from "./watch-details";

/** One stuck job on Team → Stuck jobs: what it is, how long it has not moved, what the provider last said. */
export function StuckJobRow({ teamId, job }: { teamId: string; job: StuckJob }) {
  const t = useTranslations("stuck");
  const duration = useFormatDuration();
  const now = useNow(1000);
  const [watch, setWatch] = useState(job.watch);
  const titleId = `stuck-${job.id}`;
  const field = "text-slate-500 dark:text-slate-400";
  return (
    <li
      data-testid="stuck-job"
      data-task-id={job.id}
      aria-labelledby={titleId}
      className="flex flex-col gap-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id={titleId} className="line-clamp-2 text-sm font-medium wrap-break-word">
        <Link href={`/t/${teamId}/gallery/${job.id}`} className="hover:underline focus-visible:underline">
          {job.prompt}
        </Link>
      </h2>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs sm:grid-cols-[auto_minmax(0,1fr)_auto_minmax(0,1fr)]">
        <dt className={field}>{t("columns.model")}</dt>
        <dd>{job.model}</dd>
        <dt className={field}>{t("columns.connection")}</dt>
        <dd className="break-words">{job.connectionName ?? t("noConnection")}</dd>
        <dt className={field}>{t("columns.creator")}</dt>
        <dd className="break-words">{job.creatorName}</dd>
        <dt className={field}>{t("columns.age")}</dt>
        <dd>
          <Ago iso={job.createdAt} />
        </dd>
        <dt className={field}>{t("columns.stillFor")}</dt>
        <dd className="font-medium text-amber-800 dark:text-amber-300">
          {now === null ? "…" : duration(now - Date.parse(watch.stillSince))}
        </dd>
        <dt className={field}>{t("columns.reserved")}</dt>
        <dd className="tabular-nums">{formatUsd(job.reservedCents)}</dd>
        <dt className={field}>{t("columns.lastPoll")}</dt>
        <dd data-testid="last-poll">{watch.lastPolledAt ? <Ago iso={watch.lastPolledAt} /> : t("never")}</dd>
        <dt className={field}>{t("columns.answer")}</dt>
        <dd data-testid="provider-answer" className="break-words">
          <AnswerText answer={watch.lastAnswer} />
        </dd>
      </dl>
      <div className="flex flex-wrap items-start gap-3">
        <CheckNowButton
          teamId={teamId}
          taskId={job.id}
          onWatch={setWatch}
          label={`${t("checkNow.button")}: ${job.prompt}`}
        />
        {job.canGiveUp ? (
          <GiveUpButton teamId={teamId} taskId={job.id} label={`${t("giveUp.button")}: ${job.prompt}`} />
        ) : null}
      </div>
    </li>
  );
}
