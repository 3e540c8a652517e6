"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { giveUpJobAction } from "@/lib/actions/stuck-jobs";
import { initialResult } from "@/lib/forms/action-result";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "@/components/team/action-message";

/** "Give up" with a confirmation in place: fails the job, releases its budget, keeps watching it. */
export function GiveUpButton({ teamId, taskId, label }: { teamId: string; taskId: string; label: string }) {
  const t = useTranslations("stuck.giveUp");
  const [asking, setAsking] = useState(false);
  const [state, action, pending] = useActionState(giveUpJobAction, initialResult);
  if (!asking)
    return (
      <div className="flex flex-col gap-1">
        <Button
          type="button"
          variant="secondary"
          className="px-3 py-1"
          aria-label={label}
          onClick={() => setAsking(true)}
        >
          {t("button")}
        </Button>
        <ActionMessage state={state} />
      </div>
    );
  return (
    <form action={action} className="flex max-w-xs flex-col gap-2" onSubmit={() => setAsking(false)}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="taskId" value={taskId} />
      <p className="text-xs text-slate-700 dark:text-slate-300">{t("confirm")}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={pending} className="px-3 py-1">
          {t("yes")}
        </Button>
        <Button type="button" variant="ghost" className="px-3 py-1" onClick={() => setAsking(false)} autoFocus>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
