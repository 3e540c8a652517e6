"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { retryVideoAction } from "@/lib/actions/lineage";
import { initialResult } from "@/lib/forms/action-result";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

/** One click: the failed video again with the same settings, as a new video; the page moves to it. */
export function RetryForm({
  teamId,
  taskId,
  idempotencyKey,
  price,
  retried = 0,
}: {
  teamId: string;
  taskId: string;
  idempotencyKey: string;
  price: string;
  /** Retries already made of this video (its lineage lists them). */
  retried?: number;
}) {
  const t = useTranslations("retry");
  const [state, action] = useActionState(retryVideoAction, initialResult);
  return (
    <form action={action} noValidate className="flex flex-col gap-3" data-testid="retry-form">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("lead", { price })}</p>
      {retried > 0 ? (
        <p className="text-sm font-medium text-amber-700 dark:text-amber-300">{t("already", { count: retried })}</p>
      ) : null}
      {state.formError ? <Alert>{state.formError}</Alert> : null}
      <SubmitButton label={t("button")} pendingLabel={t("retrying")} className="self-start" />
    </form>
  );
}
